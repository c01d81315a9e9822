package io.mosaic.crm.platform.security.internal.token;

import io.mosaic.crm.platform.security.internal.SqlErrors;
import io.mosaic.crm.platform.security.internal.UtcTime;
import io.mosaic.crm.platform.security.internal.user.Grants;
import io.mosaic.crm.platform.security.internal.user.SecurityChangeListener;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** API tokens: issued, found by prefix, revoked. Secrets are stored only as SHA-256. */
public final class TokenRepository {
    private static final int ATTEMPTS = 5;
    private static final String INSERT = """
            INSERT INTO api_tokens (user_id, prefix, secret_sha256, name, scope, expires_at, created_at)
            VALUES (:userId, :prefix, :secret, :name, :scope, :expiresAt, :now)
            """;
    private static final String BY_PREFIX = """
            SELECT t.id, t.prefix, t.secret_sha256, t.scope, CAST(t.expires_at AS CHAR) AS expires_at,
                   CAST(t.last_used_at AS CHAR) AS last_used_at, CAST(t.revoked_at AS CHAR) AS revoked_at,
                   u.id AS user_id, u.name AS user_name, u.active, u.locked
            FROM api_tokens t
            JOIN users u ON u.id = t.user_id AND u.deleted_at IS NULL
            WHERE t.prefix = :prefix
            """;
    private static final String REVOKE = """
            UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL
            """;
    private static final String TOUCH = "UPDATE api_tokens SET last_used_at = :now WHERE id = :id";
    private static final String OF_USER = """
            SELECT id, prefix, name, scope, CAST(expires_at AS CHAR) AS expires_at,
                   CAST(last_used_at AS CHAR) AS last_used_at, CAST(revoked_at AS CHAR) AS revoked_at,
                   CAST(created_at AS CHAR) AS created_at
            FROM api_tokens WHERE user_id = :userId ORDER BY id DESC LIMIT 500
            """;
    private static final String REVOKE_OWN = """
            UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND user_id = :userId AND revoked_at IS NULL
            """;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;
    private final SecurityChangeListener listener;

    public TokenRepository(Jdbi jdbi, Clock clock, SecureRandom random) {
        this(jdbi, clock, random, SecurityChangeListener.NONE);
    }

    /** @param listener told of every revoked token, so that caches forget it at once */
    public TokenRepository(Jdbi jdbi, Clock clock, SecureRandom random, SecurityChangeListener listener) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
        this.listener = listener;
    }

    /** A freshly issued token; its full text exists only in this value. */
    public record Issued(long id, TokenText token) {
    }

    /**
     * Issues a token for a user.
     *
     * @param scope space-separated {@code resource:action} grants limiting the token, or null for
     *     all of the user's permissions
     * @param expiresAt null for a token that does not expire
     * @throws IllegalArgumentException if the scope is malformed
     */
    public Issued issue(long userId, String name, String scope, Instant expiresAt) {
        if (scope != null) {
            Grants.parseScope(scope);
        }
        for (int attempt = 1; ; attempt++) {
            TokenText token = TokenText.generate(random);
            try {
                long id = jdbi.withHandle(h -> h.createUpdate(INSERT).bind("userId", userId)
                        .bind("prefix", token.prefix()).bind("secret", token.secretSha256()).bind("name", name)
                        .bind("scope", scope).bind("expiresAt", UtcTime.of(expiresAt))
                        .bind("now", UtcTime.of(clock.instant()))
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
                return new Issued(id, token);
            } catch (RuntimeException e) {
                if (!SqlErrors.isDuplicateKey(e) || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    public Optional<StoredToken> find(String prefix) {
        return jdbi.withHandle(h -> h.createQuery(BY_PREFIX).bind("prefix", prefix)
                .map(TokenRepository::map).findOne());
    }

    /** @return whether the token was in use until now */
    public boolean revoke(long tokenId) {
        boolean revoked = jdbi.withHandle(h -> h.createUpdate(REVOKE).bind("id", tokenId)
                .bind("now", UtcTime.of(clock.instant())).execute()) == 1;
        listener.tokenRevoked(tokenId);
        return revoked;
    }

    /** A user's tokens, newest first, revoked ones included; never a secret. */
    public java.util.List<TokenView> listOf(long userId) {
        return jdbi.withHandle(h -> h.createQuery(OF_USER).bind("userId", userId)
                .map((rs, ctx) -> new TokenView(rs.getLong("id"), rs.getString("name"), "msc_" + rs.getString("prefix"),
                        rs.getString("scope"), text(UtcTime.read(rs, "expires_at")),
                        text(UtcTime.read(rs, "last_used_at")), text(UtcTime.read(rs, "revoked_at")),
                        text(UtcTime.read(rs, "created_at"))))
                .list());
    }

    /** Revokes a token of {@code userId}; false if there is no such live token of that user. */
    public boolean revoke(long userId, long tokenId) {
        boolean revoked = jdbi.withHandle(h -> h.createUpdate(REVOKE_OWN).bind("id", tokenId).bind("userId", userId)
                .bind("now", UtcTime.of(clock.instant())).execute()) == 1;
        if (revoked) {
            listener.tokenRevoked(tokenId);
        }
        return revoked;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    public void touch(long tokenId, Instant when) {
        jdbi.useHandle(h -> h.createUpdate(TOUCH).bind("id", tokenId).bind("now", UtcTime.of(when)).execute());
    }

    private static StoredToken map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new StoredToken(rs.getLong("id"), rs.getString("prefix"), rs.getBytes("secret_sha256"),
                rs.getString("scope"), UtcTime.read(rs, "expires_at"), UtcTime.read(rs, "last_used_at"),
                UtcTime.read(rs, "revoked_at"), rs.getLong("user_id"), rs.getString("user_name"),
                rs.getBoolean("active"), rs.getBoolean("locked"));
    }
}
