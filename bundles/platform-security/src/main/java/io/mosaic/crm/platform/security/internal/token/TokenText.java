package io.mosaic.crm.platform.security.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * An API token as its holder sees it: {@code msc_<prefix>_<secret>}, where the prefix is 8
 * letters and digits that find the token, and the secret is 256 random bits in unpadded
 * base64url (43 characters). Only the SHA-256 of the secret is stored. {@link #toString()} never
 * shows the secret.
 */
public record TokenText(String prefix, String secret) {
    static final String MARK = "msc_";
    static final int PREFIX_LENGTH = 8;
    static final int SECRET_LENGTH = 43;
    static final int LENGTH = MARK.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH;
    private static final String PREFIX_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET = PREFIX_ALPHABET + "-_";

    /** A new token: random prefix, 256-bit random secret. */
    static TokenText generate(SecureRandom random) {
        var prefix = new StringBuilder(PREFIX_LENGTH);
        for (int i = 0; i < PREFIX_LENGTH; i++) {
            prefix.append(PREFIX_ALPHABET.charAt(random.nextInt(PREFIX_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new TokenText(prefix.toString(), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Reads a presented token; empty unless it has exactly the expected shape. */
    public static Optional<TokenText> parse(String text) {
        if (text == null || text.length() != LENGTH || !text.startsWith(MARK) || text.charAt(12) != '_') {
            return Optional.empty();
        }
        String prefix = text.substring(MARK.length(), MARK.length() + PREFIX_LENGTH);
        String secret = text.substring(MARK.length() + PREFIX_LENGTH + 1);
        if (!only(prefix, PREFIX_ALPHABET) || !only(secret, SECRET_ALPHABET)) {
            return Optional.empty();
        }
        return Optional.of(new TokenText(prefix, secret));
    }

    /** The full token, to be shown to its owner once. */
    public String reveal() {
        return MARK + prefix + "_" + secret;
    }

    /** SHA-256 of the secret's text, as stored. */
    public byte[] secretSha256() {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    @Override
    public String toString() {
        return MARK + prefix + "_…";
    }

    private static boolean only(String s, String alphabet) {
        for (int i = 0; i < s.length(); i++) {
            if (alphabet.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
