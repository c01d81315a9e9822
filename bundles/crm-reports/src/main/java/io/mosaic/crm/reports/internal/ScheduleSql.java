package io.mosaic.crm.reports.internal;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** The SQL of {@link Schedules}, on the module's own tables. */
final class ScheduleSql {
    private ScheduleSql() {}

    static final String SCHEDULED = """
            SELECT d.id, d.schedule, d.tz, d.created_at, s.last_due_at
              FROM reports_definitions d LEFT JOIN reports_schedule_state s ON s.definition_id = d.id
             WHERE d.schedule IS NOT NULL AND d.deleted_at IS NULL
             ORDER BY d.id""";

    static final String STATE = """
            INSERT INTO reports_schedule_state (definition_id, last_due_at) VALUES (:id, :due)
                ON DUPLICATE KEY UPDATE last_due_at = VALUES(last_due_at)""";

    static final String INSERT = """
            INSERT INTO reports_snapshots (definition_id, due_at, started_at, duration_ms, status, reason, row_count, result)
            VALUES (:id, :due, :started, :millis, :status, :reason, :rows, :result)""";

    /** Keeps the newest {@code keep} snapshots of a definition. */
    static final String PRUNE = """
            DELETE FROM reports_snapshots WHERE definition_id = :id AND id <= (
                SELECT id FROM (SELECT id FROM reports_snapshots WHERE definition_id = :id
                                 ORDER BY id DESC LIMIT 1 OFFSET :keep) AS first_dropped)""";

    static final String LIST = """
            SELECT id, definition_id, due_at, started_at, duration_ms, status, reason, row_count
              FROM reports_snapshots WHERE definition_id = :id ORDER BY id DESC LIMIT :limit""";

    static final String ONE = """
            SELECT id, definition_id, due_at, started_at, duration_ms, status, reason, row_count, result
              FROM reports_snapshots WHERE definition_id = :id AND id = :snapshot""";

    static Map<String, Object> summary(ResultSet rs) throws SQLException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", rs.getLong("id"));
        out.put("definitionId", rs.getLong("definition_id"));
        out.put("dueAt", rs.getTimestamp("due_at").toLocalDateTime().toInstant(ZoneOffset.UTC).toString());
        out.put("startedAt", rs.getTimestamp("started_at").toLocalDateTime().toInstant(ZoneOffset.UTC).toString());
        out.put("durationMillis", rs.getLong("duration_ms"));
        out.put("status", rs.getString("status"));
        out.put("reason", rs.getString("reason"));
        out.put("rowCount", rs.getObject("row_count") == null ? null : rs.getInt("row_count"));
        return out;
    }

    static Map<String, Object> full(ResultSet rs) throws SQLException {
        Map<String, Object> out = summary(rs);
        String result = rs.getString("result");
        try {
            out.put("result", result == null ? null : ReportQueries.JSON.readValue(result, Map.class));
        } catch (IOException e) {
            throw new SQLException("unreadable snapshot " + rs.getLong("id"), e);
        }
        return out;
    }
}
