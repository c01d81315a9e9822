package io.mosaic.crm.platform.tuning.internal.change;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The change history tables ({@code tuning_change_sets}, {@code tuning_changes}). */
public final class ChangeHistory {
    static final String MASK = "********";

    private static final String SELECT = """
            SELECT c.id, c.change_set_id, s.who, c.created_at, c.pid, c.property, c.old_value, c.new_value,
                   s.reason, s.source, s.advice_id, s.rolled_back_by, s.rollback_of
              FROM tuning_changes c JOIN tuning_change_sets s ON s.id = c.change_set_id
            """;

    private final Jdbi jdbi;

    public ChangeHistory(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    long insertSet(Handle h, String who, String reason, String source, String adviceId, Long rollbackOf) {
        return h.createUpdate("""
                        INSERT INTO tuning_change_sets (who, reason, source, advice_id, rollback_of)
                        VALUES (:who, :reason, :source, :adviceId, :rollbackOf)""")
                .bind("who", who).bind("reason", reason == null ? "" : reason).bind("source", source)
                .bind("adviceId", adviceId).bind("rollbackOf", rollbackOf)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    long insertChange(Handle h, long setId, Edit edit, String old) {
        return h.createUpdate("""
                        INSERT INTO tuning_changes (change_set_id, pid, property, old_value, new_value, secret)
                        VALUES (:set, :pid, :key, :old, :new, :secret)""")
                .bind("set", setId).bind("pid", edit.pid()).bind("key", edit.key())
                .bind("old", edit.secret() && old != null ? MASK : old)
                .bind("new", edit.secret() && edit.value() != null ? MASK : edit.value())
                .bind("secret", edit.secret())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Newest first; {@code before} pages on (changes with a smaller id). */
    public List<Change> list(int limit, Long before) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE (:before IS NULL OR c.id < :before) ORDER BY c.id DESC LIMIT :limit")
                .bind("before", before).bind("limit", limit)
                .map(ChangeHistory::change).list());
    }

    /** The given changes, newest first. */
    public List<Change> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + " WHERE c.id IN (<ids>) ORDER BY c.id DESC")
                .bindList("ids", ids).map(ChangeHistory::change).list());
    }

    private static Change change(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
            throws java.sql.SQLException {
        return new Change(rs.getLong("id"), rs.getLong("change_set_id"), rs.getString("who"),
                iso(rs.getObject("created_at", LocalDateTime.class)), rs.getString("pid"), rs.getString("property"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getString("reason"), rs.getString("source"),
                        rs.getString("advice_id"), rs.getObject("rolled_back_by") != null,
                        rs.getObject("rollback_of", Long.class));
    }

    Optional<Long> setOf(Handle h, long changeId) {
        return h.createQuery("SELECT change_set_id FROM tuning_changes WHERE id = :id")
                .bind("id", changeId).mapTo(Long.class).findOne();
    }

    boolean rolledBack(Handle h, long setId) {
        return h.createQuery("SELECT rolled_back_by IS NOT NULL FROM tuning_change_sets WHERE id = :id FOR UPDATE")
                .bind("id", setId).mapTo(Boolean.class).one();
    }

    /** Every non-secret change of change set {@code setId} and all later sets, oldest first, as edits back to its old value. */
    List<Edit> changesSince(Handle h, long setId) {
        return h.createQuery("""
                        SELECT pid, property, old_value FROM tuning_changes
                         WHERE change_set_id >= :set AND NOT secret ORDER BY id""")
                .bind("set", setId)
                .map((rs, ctx) -> new Edit(rs.getString("pid"), rs.getString("property"), rs.getString("old_value"), false))
                .list();
    }

    void markRolledBack(Handle h, long fromSet, long bySet) {
        h.createUpdate("""
                        UPDATE tuning_change_sets SET rolled_back_by = :by, version = version + 1,
                               updated_at = UTC_TIMESTAMP(3)
                         WHERE id >= :from AND id <> :by AND rolled_back_by IS NULL""")
                .bind("by", bySet).bind("from", fromSet).execute();
    }

    private static String iso(LocalDateTime utc) {
        return utc == null ? null : DateTimeFormatter.ISO_INSTANT.format(utc.toInstant(ZoneOffset.UTC));
    }
}
