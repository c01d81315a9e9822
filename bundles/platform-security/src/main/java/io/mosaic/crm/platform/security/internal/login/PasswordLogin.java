package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.user.LoginAttempts;
import io.mosaic.crm.platform.security.internal.user.LoginUser;
import io.mosaic.crm.platform.security.internal.user.RoleRepository;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import io.mosaic.crm.sdk.error.UnavailableException;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with name and password. Every attempt that misses the credential cache runs exactly
 * one Argon2 verification, whether the user exists or not, is locked or not, so that response
 * times do not tell which names exist. Wrong passwords are counted towards a lockout. Argon2 runs
 * in a bounded number of slots (see {@link Argon2idHasher}): when none frees up in time the
 * attempt is answered 503 {@code busy}, and counts neither as a success nor as a failure.
 */
public final class PasswordLogin {
    private static final Logger LOG = LoggerFactory.getLogger(PasswordLogin.class);

    private final UserRepository users;
    private final LoginAttempts attempts;
    private final RoleRepository roles;
    private final Argon2idHasher hasher;
    private final CredentialCache cache;
    private final Clock clock;
    private final AddressThrottle throttle;
    private final AuditLog audit;
    private volatile LoginPolicy policy;

    public PasswordLogin(UserRepository users, LoginAttempts attempts, RoleRepository roles, Argon2idHasher hasher,
            CredentialCache cache, Clock clock, LoginPolicy policy, AddressThrottle throttle, AuditLog audit) {
        this.throttle = throttle;
        this.audit = audit;
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
        return login(credentials, remoteAddress, "basic", true);
    }

    /**
     * @param channel how the password came ({@code basic}, {@code session}), for the audit log
     * @param useCache whether a cached verification may answer (never for a console sign-in)
     * @throws io.mosaic.crm.sdk.error.TooManyRequestsException if the address is throttled
     * @throws UnavailableException {@code busy} if no Argon2 slot freed up in time
     */
    public Optional<UserPrincipal> login(BasicCredentials credentials, String remoteAddress, String channel,
            boolean useCache) {
        if (useCache) {
            var cached = cache.find(credentials.name(), credentials.password());
            if (cached.isPresent() && !cached.get().refresh()) {
                return Optional.of(cached.get().principal());
            }
            if (cached.isPresent()) {
                return refresh(credentials, remoteAddress, channel, cached.get().principal());
            }
        }
        throttle.check(remoteAddress);
        return verify(credentials, remoteAddress, channel);
    }

    /**
     * Verifies a cached credential again before its entry expires, so that it stays cached; the
     * cached answer still holds if the verifier is busy. A user who changed meanwhile is no longer
     * cached at all, so this never prolongs a stale entry.
     */
    private Optional<UserPrincipal> refresh(BasicCredentials credentials, String remoteAddress, String channel,
            UserPrincipal cached) {
        try {
            return verify(credentials, remoteAddress, channel);
        } catch (UnavailableException busy) {
            return Optional.of(cached);
        }
    }

    private Optional<UserPrincipal> verify(BasicCredentials credentials, String remoteAddress, String channel) {
        long ticket = cache.ticket();
        Optional<LoginUser> found = users.find(credentials.name());
        if (found.isEmpty()) {
            hasher.verifyDummy(credentials.password());
            failed(0, credentials.name(), remoteAddress, channel, "unknown user");
            return Optional.empty();
        }
        LoginUser user = found.get();
        boolean matches = hasher.verify(credentials.password(), user.passwordHash());
        if (!user.enabled() || user.lockedOutAt(clock.instant())) {
            failed(user.id(), user.name(), remoteAddress, channel, user.enabled() ? "locked out" : "disabled");
            return Optional.empty();
        }
        if (!matches) {
            LoginPolicy current = policy;
            failed(user.id(), user.name(), remoteAddress, channel, "wrong password");
            attempts.recordFailure(user.id(), current.maxFailedLogins(), current.lockout())
                    .ifPresent(until -> {
                        LOG.warn("User {} is locked until {} after {} wrong passwords, the last from {}",
                                user.name(), until, current.maxFailedLogins(), remoteAddress);
                        audit.record("login.lockout", user.id(), user.name(), user.name(), remoteAddress,
                                "locked until " + until);
                    });
            return Optional.empty();
        }
        if (user.failedLogins() > 0 || user.lockedUntil() != null) {
            attempts.recordSuccess(user.id());
        }
        if (hasher.needsRehash(user.passwordHash())) {
            upgradeHash(user, credentials.password());
        }
        var access = roles.accessOf(user.id());
        var principal = UserPrincipal.of(user.id(), user.name(), access, access.grants(), UserPrincipal.Via.PASSWORD);
        cache.put(credentials.name(), credentials.password(), principal, ticket);
        audit.record("login.success", user.id(), user.name(), user.name(), remoteAddress, channel);
        return Optional.of(principal);
    }

    /** Best effort: a busy verifier leaves the old hash for the next sign-in to upgrade. */
    private void upgradeHash(LoginUser user, String password) {
        try {
            users.upgradeHash(user.id(), user.passwordHash(), hasher.hash(password));
        } catch (UnavailableException busy) {
            LOG.debug("left the hash of {} for later: {}", user.name(), busy.getMessage());
        }
    }

    private void failed(long userId, String name, String remoteAddress, String channel, String why) {
        throttle.failure(remoteAddress);
        audit.record("login.failure", userId, name, name, remoteAddress, channel + ": " + why);
    }
}
