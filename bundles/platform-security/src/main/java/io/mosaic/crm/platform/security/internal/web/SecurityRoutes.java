package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.login.ClientOrigin;
import io.mosaic.crm.platform.security.internal.login.PasswordLogin;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.session.SessionLogin;
import io.mosaic.crm.platform.security.internal.token.TokenRepository;
import io.mosaic.crm.platform.security.internal.user.RoleDirectory;
import io.mosaic.crm.platform.security.internal.user.UserDirectory;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import io.mosaic.crm.sdk.http.Routes;
import java.time.Clock;

/** Every route of {@code /api/security}: session, users, roles, tokens, audit. */
public final class SecurityRoutes {
    private final SessionRoutes session;
    private final UserRoutes users;
    private final RoleRoutes roles;
    private final TokenRoutes tokens;
    private final AuditRoutes audit;

    /** What the routes work with, gathered so that the constructor stays readable. */
    public record Parts(PasswordLogin passwords, SessionLogin sessions, UserRepository users, UserDirectory directory,
            RoleDirectory roles, TokenRepository tokens, Argon2idHasher hasher, ClientOrigin origin, AuditLog audit,
            Clock clock) {
    }

    public SecurityRoutes(Parts p) {
        session = new SessionRoutes(p.passwords(), p.sessions(), p.users(), p.hasher(), p.origin(), p.audit());
        users = new UserRoutes(p.directory(), p.users(), p.hasher(), p.sessions(), p.audit());
        roles = new RoleRoutes(p.roles(), p.audit());
        tokens = new TokenRoutes(p.tokens(), p.audit(), p.clock());
        audit = new AuditRoutes(p.audit());
    }

    public void register(Routes routes) {
        session.register(routes);
        users.register(routes);
        roles.register(routes);
        tokens.register(routes);
        audit.register(routes);
    }
}
