package io.mosaic.crm.platform.security.internal.password;

import java.security.SecureRandom;
import java.util.Objects;

/** Random passwords for people to read and type: no 0/O/o, 1/l/I look-alikes. */
public final class PasswordGenerator {
    /** 56 symbols: about 5.8 bits each, so 24 characters give about 139 bits. */
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final SecureRandom random;

    public PasswordGenerator(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String generate(int length) {
        if (length < 20) {
            throw new IllegalArgumentException("a generated password has at least 20 characters");
        }
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
