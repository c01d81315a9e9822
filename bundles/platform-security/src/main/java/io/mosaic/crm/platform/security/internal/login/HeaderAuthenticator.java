package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.session.SessionCookie;
import io.mosaic.crm.platform.security.internal.session.SessionLogin;
import io.mosaic.crm.sdk.security.AuthRequest;
import io.mosaic.crm.sdk.security.Authenticator;
import io.mosaic.crm.sdk.security.Principal;
import java.util.Optional;

/**
 * Reads the credentials of a request. An {@code Authorization} header wins: {@code Basic} goes to
 * {@link PasswordLogin}, {@code Bearer} to {@link TokenLogin}. Without one, the console's session
 * cookie goes to {@link SessionLogin}. Anything malformed or of another scheme is simply not a
 * caller (empty), never an exception; only a throttled address gets one (429).
 */
public final class HeaderAuthenticator implements Authenticator {
    /** Longer than any header we issue or accept; Argon2 is not run on megabytes. */
    static final int MAX_LENGTH = 2048;

    private final PasswordLogin passwords;
    private final TokenLogin tokens;
    private final SessionLogin sessions;
    private final ClientOrigin origin;

    public HeaderAuthenticator(PasswordLogin passwords, TokenLogin tokens, SessionLogin sessions, ClientOrigin origin) {
        this.passwords = passwords;
        this.tokens = tokens;
        this.sessions = sessions;
        this.origin = origin;
    }

    @Override
    public Optional<Principal> authenticate(AuthRequest request) {
        String remote = origin.of(request::header, request.remoteAddress(), request.secure()).address();
        Optional<String> authorization = request.header("Authorization");
        if (authorization.isPresent()) {
            return byHeader(authorization.get(), remote);
        }
        return request.cookie(SessionCookie.NAME).flatMap(sessions::login).map(Principal.class::cast);
    }

    private Optional<Principal> byHeader(String authorization, String remoteAddress) {
        if (authorization.length() > MAX_LENGTH) {
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
            return tokens.login(credentials, remoteAddress).map(Principal.class::cast);
        }
        return Optional.empty();
    }
}
