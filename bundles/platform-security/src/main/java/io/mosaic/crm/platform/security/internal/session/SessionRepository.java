package io.mosaic.crm.platform.security.internal.session;

import io.mosaic.crm.platform.security.internal.UtcTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * Server-side sessions in the database, so that any node can serve any request. The cookie value
 * is 256 random bits; only its SHA-256 is stored. Each session has its own CSRF token.
 */
public final class SessionRepository {
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final String INSERT = """
            INSERT INTO sessions (id_sha256, user_id, csrf_token, remote_address, created_at, last_seen_at)
            VALUES (:hash, :userId, :csrf, :remote, :now, :now)
            """;
    private static final String FIND = """
            SELECT s.id, s.user_id, s.csrf_token, CAST(s.created_at AS CHAR) AS created_at,
                   CAST(s.last_seen_at AS CHAR) AS last_seen_at, u.name, u.active, u.locked
            FROM sessions s JOIN users u ON u.id = s.user_id AND u.deleted_at IS NULL
            WHERE s.id_sha256 = :hash
            """;
    private static final String TOUCH = "UPDATE sessions SET last_seen_at = :now WHERE id = :id";
    private static final String CLOSE = "DELETE FROM sessions WHERE id = :id";
    private static final String CLOSE_OTHERS = "DELETE FROM sessions WHERE user_id = :userId AND id <> :keep";
    private static final String PURGE = """
            DELETE FROM sessions WHERE last_seen_at < :idleCutoff OR created_at < :absoluteCutoff
            """;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecureRandom random;

    public SessionRepository(Jdbi jdbi, Clock clock, SecureRandom random) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.random = random;
    }

    /** A new session; {@code cookie} is its only copy of the id in clear. */
    public record Opened(long id, String cookie, String csrfToken) {
        @Override
        public String toString() {
            return "Opened[" + id + "]";
        }
    }

    public Opened open(long userId, String remoteAddress) {
        String cookie = randomToken();
        String csrf = randomToken();
        long id = jdbi.withHandle(h -> h.createUpdate(INSERT).bind("hash", sha256(cookie)).bind("userId", userId)
                .bind("csrf", csrf).bind("remote", remoteAddress).bind("now", UtcTime.of(clock.instant()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
        return new Opened(id, cookie, csrf);
    }

    /** The session of a cookie value, with its (not deleted) user; empty for anything malformed. */
    public Optional<StoredSession> find(String cookie) {
        if (cookie == null || !TOKEN.matcher(cookie).matches()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery(FIND).bind("hash", sha256(cookie))
                .map((rs, ctx) -> new StoredSession(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                        rs.getString("csrf_token"), UtcTime.read(rs, "created_at"), UtcTime.read(rs, "last_seen_at"),
                        rs.getBoolean("active") && !rs.getBoolean("locked")))
                .findOne());
    }

    public void touch(long id, Instant now) {
        jdbi.useHandle(h -> h.createUpdate(TOUCH).bind("id", id).bind("now", UtcTime.of(now)).execute());
    }

    public boolean close(long id) {
        return jdbi.withHandle(h -> h.createUpdate(CLOSE).bind("id", id).execute()) == 1;
    }

    /** Ends every session of the user except {@code keepId} (0: all of them). */
    public int closeOthers(long userId, long keepId) {
        return jdbi.withHandle(h -> h.createUpdate(CLOSE_OTHERS).bind("userId", userId).bind("keep", keepId).execute());
    }

    /** Deletes sessions that can no longer be used. */
    public int purge(Instant idleCutoff, Instant absoluteCutoff) {
        return jdbi.withHandle(h -> h.createUpdate(PURGE).bind("idleCutoff", UtcTime.of(idleCutoff))
                .bind("absoluteCutoff", UtcTime.of(absoluteCutoff)).execute());
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
