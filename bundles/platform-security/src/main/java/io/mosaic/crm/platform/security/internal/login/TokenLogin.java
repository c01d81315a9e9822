package io.mosaic.crm.platform.security.internal.login;

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
 * time. Fast by design (no slow hash: the secret has 256 random bits).
 */
public final class TokenLogin {
    private static final Logger LOG = LoggerFactory.getLogger(TokenLogin.class);
    /** last_used_at is precise to this much, so that busy tokens do not cause a write per request. */
    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final TokenRepository tokens;
    private final RoleRepository roles;
    private final Clock clock;

    public TokenLogin(TokenRepository tokens, RoleRepository roles, Clock clock) {
        this.tokens = tokens;
        this.roles = roles;
        this.clock = clock;
    }

    public Optional<UserPrincipal> login(String presented) {
        Optional<TokenText> token = TokenText.parse(presented);
        if (token.isEmpty()) {
            return Optional.empty();
        }
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
        if (stored.lastUsedAt() == null || !now.isBefore(stored.lastUsedAt().plus(TOUCH_INTERVAL))) {
            tokens.touch(stored.id(), now);
        }
        Grants grants = scope.map(access.grants()::within).orElse(access.grants());
        return Optional.of(new UserPrincipal(stored.userId(), stored.userName(), access.roles(), grants));
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
