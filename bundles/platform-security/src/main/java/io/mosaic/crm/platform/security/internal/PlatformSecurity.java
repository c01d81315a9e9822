package io.mosaic.crm.platform.security.internal;

import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.bootstrap.AdminBootstrap;
import io.mosaic.crm.platform.security.internal.login.AddressThrottle;
import io.mosaic.crm.platform.security.internal.login.ClientOrigin;
import io.mosaic.crm.platform.security.internal.login.CredentialCache;
import io.mosaic.crm.platform.security.internal.login.HeaderAuthenticator;
import io.mosaic.crm.platform.security.internal.login.LoginPolicy;
import io.mosaic.crm.platform.security.internal.login.PasswordLogin;
import io.mosaic.crm.platform.security.internal.login.TokenLogin;
import io.mosaic.crm.platform.security.internal.password.Argon2Slots;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.password.HashCost;
import io.mosaic.crm.platform.security.internal.password.PasswordGenerator;
import io.mosaic.crm.platform.security.internal.session.SessionLogin;
import io.mosaic.crm.platform.security.internal.session.SessionPolicy;
import io.mosaic.crm.platform.security.internal.session.SessionRepository;
import io.mosaic.crm.platform.security.internal.token.TokenRepository;
import io.mosaic.crm.platform.security.internal.user.LoginAttempts;
import io.mosaic.crm.platform.security.internal.user.RoleDirectory;
import io.mosaic.crm.platform.security.internal.user.RoleRepository;
import io.mosaic.crm.platform.security.internal.user.UserDirectory;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import io.mosaic.crm.platform.security.internal.web.SecurityRoutes;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import io.mosaic.crm.sdk.security.AuthRequest;
import io.mosaic.crm.sdk.security.Authenticator;
import io.mosaic.crm.sdk.security.Principal;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The platform's security: brings the schema up to date, creates the first administrator,
 * authenticates requests (Basic passwords, Bearer API tokens, console session cookies) and serves
 * {@code /api/security}. Wiring only; the logic is in the plain classes it builds.
 */
@Designate(ocd = SecuritySettings.class)
@Component(service = {Authenticator.class, RuntimeFacts.class, Endpoint.class}, immediate = true,
        configurationPid = PlatformSecurity.PID)
public final class PlatformSecurity implements Authenticator, RuntimeFacts, Endpoint {
    static final String PID = "io.mosaic.crm.security";
    static final String MODULE_ID = "security";
    static final int CACHE_ENTRIES = 10_000;

    private final Argon2idHasher hasher;
    private final CredentialCache cache;
    private final PasswordLogin passwords;
    private final AddressThrottle throttle;
    private final SessionLogin sessions;
    private final ClientOrigin origin = new ClientOrigin();
    private final HeaderAuthenticator authenticator;
    private final SecurityRoutes routes;
    private final PasswordMeters meters;

    @Activate
    public PlatformSecurity(@Reference Database database, BundleContext context, SecuritySettings settings) {
        database.migrate(MODULE_ID, PlatformSecurity.class.getClassLoader());
        Jdbi jdbi = database.jdbi();
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        hasher = new Argon2idHasher(HashCost.OWASP, random, new Argon2Slots(hashSlots(settings), hashWait(settings)));
        cache = new CredentialCache(clock, cacheTtl(settings), CACHE_ENTRIES, random);
        cache.tokens().ttl(tokenTtl(settings));
        var audit = new AuditLog(jdbi, clock);
        var users = new UserRepository(jdbi, clock, cache);
        var roles = new RoleRepository(jdbi, cache);
        var tokens = new TokenRepository(jdbi, clock, random, cache);
        throttle = new AddressThrottle(clock, settings.maxFailuresPerAddress(), addressWindow(settings));
        passwords = new PasswordLogin(users, new LoginAttempts(jdbi, clock, cache), roles, hasher, cache, clock,
                policy(settings), throttle, audit);
        sessions = new SessionLogin(new SessionRepository(jdbi, clock, random), roles, clock, audit,
                sessionPolicy(settings));
        origin.trust(proxies(settings));
        meters = new PasswordMeters(hasher);
        authenticator = new HeaderAuthenticator(passwords, new TokenLogin(tokens, roles, clock, audit, cache.tokens()),
                sessions, origin);
        routes = new SecurityRoutes(new SecurityRoutes.Parts(passwords, sessions, users,
                new UserDirectory(jdbi, clock, users, cache), new RoleDirectory(jdbi, cache), tokens, hasher, origin,
                audit, clock));
        String data = context.getProperty("mosaic.data");
        new AdminBootstrap(users, hasher, new PasswordGenerator(random), data == null ? null : Path.of(data),
                System.out).run();
    }

    @Modified
    void apply(SecuritySettings settings) {
        hasher.slots().resize(hashSlots(settings), hashWait(settings));
        cache.ttl(cacheTtl(settings));
        cache.tokens().ttl(tokenTtl(settings));
        passwords.policy(policy(settings));
        throttle.limits(clamp(settings.maxFailuresPerAddress(), 1, 100_000), addressWindow(settings));
        sessions.policy(sessionPolicy(settings));
        origin.trust(proxies(settings));
    }

    @Deactivate
    void stop() {
        meters.unbindAll();
        cache.forgetAll();
    }

    /** Publishes the password-check counters while platform-monitoring's registry is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(MetricRegistry registry) {
        meters.bind(registry);
    }

    void unbindMetrics(MetricRegistry registry) {
        meters.unbind(registry);
    }

    @Override
    public Optional<Principal> authenticate(AuthRequest request) {
        return authenticator.authenticate(request);
    }

    @Override
    public void routes(Routes routes) {
        this.routes.register(routes);
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
                "tokenCacheEntries", cache.tokens().size(),
                "tokenCacheHits", cache.tokens().hits(),
                "tokenCacheMisses", cache.tokens().misses(),
                "passwordVerifications", hasher.verifications(),
                "passwordChecks", PasswordMeters.facts(hasher),
                "throttledAddressesTracked", throttle.size());
    }

    private static int hashSlots(SecuritySettings settings) {
        int configured = clamp(settings.passwordHashSlots(), 0, 256);
        return configured == 0 ? Argon2Slots.defaultPermits(HashCost.OWASP) : configured;
    }

    private static Duration hashWait(SecuritySettings settings) {
        return Duration.ofMillis(clamp(settings.passwordHashWaitMillis(), 0, 60_000));
    }

    private static Duration cacheTtl(SecuritySettings settings) {
        return Duration.ofSeconds(clamp(settings.credentialCacheSeconds(), 0, 3600));
    }

    private static Duration tokenTtl(SecuritySettings settings) {
        return Duration.ofSeconds(clamp(settings.tokenCacheSeconds(), 0, 3600));
    }

    private static LoginPolicy policy(SecuritySettings settings) {
        return new LoginPolicy(clamp(settings.maxFailedLogins(), 1, 1000),
                Duration.ofSeconds(clamp(settings.lockoutSeconds(), 1, 86_400)));
    }

    private static Duration addressWindow(SecuritySettings settings) {
        return Duration.ofSeconds(clamp(settings.addressWindowSeconds(), 1, 86_400));
    }

    private static SessionPolicy sessionPolicy(SecuritySettings settings) {
        return new SessionPolicy(Duration.ofSeconds(clamp(settings.sessionIdleSeconds(), 60, 604_800)),
                Duration.ofSeconds(clamp(settings.sessionAbsoluteSeconds(), 300, 2_592_000)));
    }

    private static Set<String> proxies(SecuritySettings settings) {
        return Arrays.stream(settings.trustedProxies().split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static int clamp(int value, int min, int max) {
        return Math.max(min, Math.min(max, value));
    }
}
