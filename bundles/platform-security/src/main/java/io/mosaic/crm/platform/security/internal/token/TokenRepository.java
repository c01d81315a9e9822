package io.mosaic.crm.platform.security.internal.token;

import io.mosaic.crm.platform.security.internal.SqlErrors;
import io.mosaic.crm.platform.security.internal.UtcTime;
import io.mosaic.crm.platform.security.internal.user.Grants;
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

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;

    public TokenRepository(Jdbi jdbi, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
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
        return jdbi.withHandle(h -> h.createUpdate(REVOKE).bind("id", tokenId)
                .bind("now", UtcTime.of(clock.instant())).execute()) == 1;
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
