package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.sdk.security.Authenticator;
import io.mosaic.crm.sdk.security.Principal;
import java.util.Optional;

/**
 * Reads an {@code Authorization} header: {@code Basic} goes to {@link PasswordLogin},
 * {@code Bearer} to {@link TokenLogin}. Anything malformed or of another scheme is simply not a
 * caller (empty), never an exception.
 */
public final class HeaderAuthenticator implements Authenticator {
    /** Longer than any header we issue or accept; Argon2 is not run on megabytes. */
    static final int MAX_LENGTH = 2048;

    private final PasswordLogin passwords;
    private final TokenLogin tokens;

    public HeaderAuthenticator(PasswordLogin passwords, TokenLogin tokens) {
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @Override
    public Optional<Principal> authenticate(String authorization, String remoteAddress) {
        if (authorization == null || authorization.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 1) {
            return Optional.empty();
        }
        String scheme = header.substring(0, space);
        String credentials = header.substring(space + 1).strip();
        if ("Basic".equalsIgnoreCase(scheme)) {
            return BasicCredentials.parse(credentials).flatMap(c -> passwords.login(c, remoteAddress))
                    .map(Principal.class::cast);
        }
        if ("Bearer".equalsIgnoreCase(scheme)) {
            return tokens.login(credentials).map(Principal.class::cast);
        }
        return Optional.empty();
    }
}
