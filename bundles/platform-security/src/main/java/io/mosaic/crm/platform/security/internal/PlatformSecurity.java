package io.mosaic.crm.platform.security.internal;

import io.mosaic.crm.platform.security.internal.bootstrap.AdminBootstrap;
import io.mosaic.crm.platform.security.internal.login.CredentialCache;
import io.mosaic.crm.platform.security.internal.login.HeaderAuthenticator;
import io.mosaic.crm.platform.security.internal.login.LoginPolicy;
import io.mosaic.crm.platform.security.internal.login.PasswordLogin;
import io.mosaic.crm.platform.security.internal.login.TokenLogin;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.password.HashCost;
import io.mosaic.crm.platform.security.internal.password.PasswordGenerator;
import io.mosaic.crm.platform.security.internal.token.TokenRepository;
import io.mosaic.crm.platform.security.internal.user.LoginAttempts;
import io.mosaic.crm.platform.security.internal.user.RoleRepository;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import io.mosaic.crm.sdk.security.Authenticator;
import io.mosaic.crm.sdk.security.Principal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's security: brings the schema up to date, creates the first administrator, and
 * authenticates requests (passwords via Basic, API tokens via Bearer). Wiring only; the logic is
 * in the plain classes it builds.
 */
@Designate(ocd = SecuritySettings.class)
@Component(service = {Authenticator.class, RuntimeFacts.class}, immediate = true,
        configurationPid = PlatformSecurity.PID)
public final class PlatformSecurity implements Authenticator, RuntimeFacts {
    static final String PID = "io.mosaic.crm.security";
    static final String MODULE_ID = "security";
    static final int CACHE_ENTRIES = 10_000;

    private final Argon2idHasher hasher;
    private final CredentialCache cache;
    private final PasswordLogin passwords;
    private final HeaderAuthenticator authenticator;

    @Activate
    public PlatformSecurity(@Reference Database database, BundleContext context, SecuritySettings settings) {
        database.migrate(MODULE_ID, PlatformSecurity.class.getClassLoader());
        Jdbi jdbi = database.jdbi();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        hasher = new Argon2idHasher(HashCost.OWASP, random);
        cache = new CredentialCache(clock, cacheTtl(settings), CACHE_ENTRIES, random);
        var users = new UserRepository(jdbi, clock, cache);
        var roles = new RoleRepository(jdbi, cache);
        passwords = new PasswordLogin(users, new LoginAttempts(jdbi, clock, cache), roles, hasher, cache, clock,
                policy(settings));
        authenticator = new HeaderAuthenticator(passwords,
                new TokenLogin(new TokenRepository(jdbi, clock, random), roles, clock));
        String data = context.getProperty("mosaic.data");
        new AdminBootstrap(users, hasher, new PasswordGenerator(random), data == null ? null : Path.of(data),
                System.out).run();
    }

    @Modified
    void apply(SecuritySettings settings) {
        cache.ttl(cacheTtl(settings));
        passwords.policy(policy(settings));
    }

    @Deactivate
    void stop() {
        cache.forgetAll();
    }

    @Override
    public Optional<Principal> authenticate(String authorization, String remoteAddress) {
        return authenticator.authenticate(authorization, remoteAddress);
    }

    @Override
    public String name() {
        return MODULE_ID;
    }

    @Override
    public Map<String, Object> facts() {
        return Map.of(
                "credentialCacheEntries", cache.size(),
                "credentialCacheHits", cache.hits(),
                "credentialCacheMisses", cache.misses(),
                "passwordVerifications", hasher.verifications());
    }

    private static Duration cacheTtl(SecuritySettings settings) {
        return Duration.ofSeconds(clamp(settings.credentialCacheSeconds(), 0, 3600));
    }

    private static LoginPolicy policy(SecuritySettings settings) {
        return new LoginPolicy(clamp(settings.maxFailedLogins(), 1, 1000),
                Duration.ofSeconds(clamp(settings.lockoutSeconds(), 1, 86_400)));
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
