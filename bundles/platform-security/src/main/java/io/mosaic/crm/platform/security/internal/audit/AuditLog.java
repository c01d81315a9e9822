package io.mosaic.crm.platform.security.internal.audit;

import io.mosaic.crm.platform.security.internal.UtcTime;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The security audit log: sign-ins and their failures, lockouts, sessions, token use (first use
 * per token per minute), and every change of users, roles and tokens. Written synchronously; a
 * failed write is logged and does not fail the request it describes.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    static final int MAX_LIMIT = 500;
    private static final String INSERT = """
            INSERT INTO security_audit (at, event, actor_id, actor, subject, remote_address, detail)
            VALUES (:at, :event, :actorId, :actor, :subject, :remote, :detail)
            """;
    private static final String LIST = """
            SELECT id, CAST(at AS CHAR) AS at, event, actor_id, actor, subject, remote_address, detail
            FROM security_audit
            WHERE id < :before AND (:event IS NULL OR event = :event)
            ORDER BY id DESC LIMIT :limit
            """;

    private final Jdbi jdbi;
    private final Clock clock;

    public AuditLog(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Records one event; {@code actorId} 0 means unknown. Texts are cut to their column sizes. */
    public void record(String event, long actorId, String actor, String subject, String remote, String detail) {
        try {
            jdbi.useHandle(h -> h.createUpdate(INSERT).bind("at", UtcTime.of(clock.instant())).bind("event", event)
                    .bind("actorId", actorId == 0 ? null : actorId).bind("actor", cut(actor, 100))
                    .bind("subject", cut(subject, 200)).bind("remote", cut(remote, 64)).bind("detail", cut(detail, 1000))
                    .execute());
        } catch (RuntimeException e) {
            LOG.error("Could not write the audit event {} of {} about {}", event, actor, subject, e);
        }
    }

    /** Newest first, before the entry {@code beforeId} (exclusive), optionally one event type only. */
    public List<AuditEntry> list(long beforeId, String event, int limit) {
        int bounded = Math.max(1, Math.min(limit, MAX_LIMIT));
        return jdbi.withHandle(h -> h.createQuery(LIST).bind("before", beforeId).bind("event", event)
                .bind("limit", bounded)
                .map((rs, ctx) -> new AuditEntry(rs.getLong("id"), UtcTime.read(rs, "at").toString(),
                        rs.getString("event"), (Long) rs.getObject("actor_id", Long.class), rs.getString("actor"),
                        rs.getString("subject"), rs.getString("remote_address"), rs.getString("detail")))
                .list());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
