package io.mosaic.crm.platform.security.internal.login;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The user name and password of an HTTP Basic {@code Authorization} header (RFC 7617). */
public record BasicCredentials(String name, String password) {
    static final int MAX_NAME = 100;
    static final int MAX_PASSWORD = 1024;

    /**
     * Reads the part after {@code Basic }: Base64 of UTF-8 {@code name:password}. Empty if it is
     * not valid Base64 or UTF-8, has no colon, or an empty or overlong name or password.
     */
    public static Optional<BasicCredentials> parse(String encoded) {
        String decoded;
        try {
            byte[] bytes = Base64.getDecoder().decode(encoded);
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 1 || colon == decoded.length() - 1) {
            return Optional.empty();
        }
        String name = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        if (name.length() > MAX_NAME || password.length() > MAX_PASSWORD) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(name, password));
    }

    @Override
    public String toString() {
        return "BasicCredentials[" + name + ", password hidden]";
    }
}
