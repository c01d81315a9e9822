package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.user.LoginAttempts;
import io.mosaic.crm.platform.security.internal.user.LoginUser;
import io.mosaic.crm.platform.security.internal.user.RoleRepository;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with name and password. Every attempt that misses the credential cache runs exactly
 * one Argon2 verification, whether the user exists or not, is locked or not, so that response
 * times do not tell which names exist. Wrong passwords are counted towards a lockout.
 */
public final class PasswordLogin {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);

    private final UserRepository users;
    private final LoginAttempts attempts;
    private final RoleRepository roles;
    private final Argon2idHasher hasher;
    private final CredentialCache cache;
    private final Clock clock;
    private volatile LoginPolicy policy;

    public PasswordLogin(UserRepository users, LoginAttempts attempts, RoleRepository roles, Argon2idHasher hasher,
            CredentialCache cache, Clock clock, LoginPolicy policy) {
        this.users = users;
        this.attempts = attempts;
        this.roles = roles;
        this.hasher = hasher;
        this.cache = cache;
        this.clock = clock;
        this.policy = policy;
    }

    /** Applies a new policy to the next attempt. */
    public void policy(LoginPolicy policy) {
        this.policy = policy;
    }

    public Optional<UserPrincipal> login(BasicCredentials credentials, String remoteAddress) {
        var cached = cache.find(credentials.name(), credentials.password());
        if (cached.isPresent()) {
            return cached;
        }
        long ticket = cache.ticket();
        Optional<LoginUser> found = users.find(credentials.name());
        if (found.isEmpty()) {
            hasher.verifyDummy(credentials.password());
            return Optional.empty();
        }
        LoginUser user = found.get();
        boolean matches = hasher.verify(credentials.password(), user.passwordHash());
        if (!user.enabled() || user.lockedOutAt(clock.instant())) {
            return Optional.empty();
        }
        if (!matches) {
            LoginPolicy current = policy;
            attempts.recordFailure(user.id(), current.maxFailedLogins(), current.lockout())
                    .ifPresent(until -> LOG.warn("User {} is locked until {} after {} wrong passwords, the last from {}",
                            user.name(), until, current.maxFailedLogins(), remoteAddress));
            return Optional.empty();
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            attempts.recordSuccess(user.id());
        }
        if (hasher.needsRehash(user.passwordHash())) {
            users.upgradeHash(user.id(), user.passwordHash(), hasher.hash(credentials.password()));
        }
        var access = roles.accessOf(user.id());
        var principal = new UserPrincipal(user.id(), user.name(), access.roles(), access.grants());
        cache.put(credentials.name(), credentials.password(), principal, ticket);
        return Optional.of(principal);
    }
}
