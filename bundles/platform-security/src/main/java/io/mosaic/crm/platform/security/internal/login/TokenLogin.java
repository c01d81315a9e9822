package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.token.StoredToken;
import io.mosaic.crm.platform.security.internal.token.TokenRepository;
import io.mosaic.crm.platform.security.internal.token.TokenText;
import io.mosaic.crm.platform.security.internal.user.Grants;
import io.mosaic.crm.platform.security.internal.user.RoleRepository;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in with an API token: found by its prefix, its secret compared as SHA-256 in constant
 * time. Fast by design (no slow hash: the secret has 256 random bits), and the verified principal
 * is kept in a {@link TokenCache}, so that a repeated request needs no SQL.
 */
public final class TokenLogin {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLogin.class);
    /** last_used_at is precise to this much, so that busy tokens do not cause a write per request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final TokenRepository tokens;
    private final RoleRepository roles;
    private final Clock clock;
    private final AuditLog audit;
    private final TokenCache cache;

    /** Without a cache: every request reads the token (for tests and tools). */
    public TokenLogin(TokenRepository tokens, RoleRepository roles, Clock clock, AuditLog audit) {
        this(tokens, roles, clock, audit, new TokenCache(clock, Duration.ZERO, 1));
    }

    public TokenLogin(TokenRepository tokens, RoleRepository roles, Clock clock, AuditLog audit, TokenCache cache) {
        this.audit = audit;
        this.tokens = tokens;
        this.roles = roles;
        this.clock = clock;
        this.cache = cache;
    }

    public Optional<UserPrincipal> login(String presented) {
        return login(presented, null);
    }

    /** Token use is audited once per token per {@link #TOUCH_INTERVAL}, when last_used_at moves. */
    public Optional<UserPrincipal> login(String presented, String remoteAddress) {
        Optional<TokenText> token = TokenText.parse(presented);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Optional<TokenCache.Cached> cached = cache.find(token.get());
        if (cached.isPresent()) {
            recordUse(cached.get(), remoteAddress);
            return Optional.of(cached.get().principal());
        }
        long ticket = cache.ticket();
        Optional<StoredToken> found = tokens.find(token.get().prefix());
        if (found.isEmpty() || !MessageDigest.isEqual(token.get().secretSha256(), found.get().secretSha256())) {
            return Optional.empty();
        }
        StoredToken stored = found.get();
        Instant now = clock.instant();
        if (!stored.usableAt(now)) {
            return Optional.empty();
        }
        Optional<Grants> scope = Optional.empty();
        if (stored.scope() != null) {
            scope = parseScope(stored);
            if (scope.isEmpty()) {
                return Optional.empty();
            }
        }
        var access = roles.accessOf(stored.userId());
        Grants grants = scope.map(access.grants()::within).orElse(access.grants());
        var principal = UserPrincipal.of(stored.userId(), stored.userName(), access, grants, UserPrincipal.Via.TOKEN);
        var entry = new TokenCache.Cached(principal, stored.id(), stored.prefix(), stored.lastUsedAt());
        recordUse(entry, remoteAddress);
        cache.put(token.get(), entry, stored.expiresAt(), ticket);
        return Optional.of(principal);
    }

    /** Moves last_used_at and audits the use, once per {@link #TOUCH_INTERVAL}; else no SQL at all. */
    private void recordUse(TokenCache.Cached entry, String remoteAddress) {
        Instant now = clock.instant();
        if (entry.claimUse(now, TOUCH_INTERVAL)) {
            UserPrincipal p = entry.principal();
            tokens.touch(entry.tokenId(), now);
            audit.record("token.used", p.userId(), p.name(), "token " + entry.prefix(), remoteAddress, null);
        }
    }

    /** The token's scope, or empty if it cannot be read (then the token is refused). */
    private static Optional<Grants> parseScope(StoredToken stored) {
        try {
            return Optional.of(Grants.parseScope(stored.scope()));
        } catch (IllegalArgumentException e) {
            LOG.warn("Refusing token {} of user {}: unreadable scope", stored.prefix(), stored.userName());
            return Optional.empty();
        }
    }
}
