package io.mosaic.crm.platform.security.internal;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.login.AddressThrottle;
import io.mosaic.crm.platform.security.internal.login.ClientOrigin;
import io.mosaic.crm.platform.security.internal.login.CredentialCache;
import io.mosaic.crm.platform.security.internal.login.HeaderAuthenticator;
import io.mosaic.crm.platform.security.internal.login.LoginPolicy;
import io.mosaic.crm.platform.security.internal.login.PasswordLogin;
import io.mosaic.crm.platform.security.internal.login.TokenLogin;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.password.HashCost;
import io.mosaic.crm.platform.security.internal.session.SessionLogin;
import io.mosaic.crm.platform.security.internal.session.SessionPolicy;
import io.mosaic.crm.platform.security.internal.session.SessionRepository;
import io.mosaic.crm.platform.security.internal.token.TokenRepository;
import io.mosaic.crm.platform.security.internal.user.LoginAttempts;
import io.mosaic.crm.platform.security.internal.user.RoleRepository;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * The whole sign-in stack over a fresh database, wired as {@link PlatformSecurity} wires it but
 * with a hand-moved clock. The hasher is shared (its OWASP dummy hash costs a moment to make).
 */
public final class SecurityStack {
    public static final Argon2idHasher HASHER = new Argon2idHasher(HashCost.OWASP, new SecureRandom());

    public final MutableClock clock = new MutableClock();
    public final Jdbi jdbi = SecurityDatabase.fresh();
    public final CredentialCache cache;
    public final UserRepository users;
    public final RoleRepository roles;
    public final TokenRepository tokens;
    public final PasswordLogin passwords;
    public final AuditLog audit;
    public final AddressThrottle throttle;
    public final SessionLogin sessions;
    public final ClientOrigin origin = new ClientOrigin();
    public final HeaderAuthenticator authenticator;
    public final Argon2idHasher hasher;

    public SecurityStack(Duration cacheTtl, LoginPolicy policy) {
        this(cacheTtl, policy, HASHER);
    }

    /** With a hasher of its own, for tests that bound or count its computations. */
    public SecurityStack(Duration cacheTtl, LoginPolicy policy, Argon2idHasher hasher) {
        this.hasher = hasher;
        var random = new SecureRandom();
        cache = new CredentialCache(clock, cacheTtl, 10_000, random);
        users = new UserRepository(jdbi, clock, cache);
        roles = new RoleRepository(jdbi, cache);
        tokens = new TokenRepository(jdbi, clock, random, cache);
        audit = new AuditLog(jdbi, clock);
        throttle = new AddressThrottle(clock, 1000, Duration.ofMinutes(10));
        passwords = new PasswordLogin(users, new LoginAttempts(jdbi, clock, cache), roles, hasher, cache, clock, policy,
                throttle, audit);
        sessions = new SessionLogin(new SessionRepository(jdbi, clock, random), roles, clock, audit,
                SessionPolicy.DEFAULT);
        authenticator = new HeaderAuthenticator(passwords, new TokenLogin(tokens, roles, clock, audit, cache.tokens()),
                sessions, origin);
    }

    public SecurityStack() {
        this(Duration.ofSeconds(60), LoginPolicy.DEFAULT);
    }

    public long createUser(String name, String password, String... roleNames) {
        return users.create(name, name + "@example.com", HASHER.hash(password), List.of(roleNames));
    }

    public static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
