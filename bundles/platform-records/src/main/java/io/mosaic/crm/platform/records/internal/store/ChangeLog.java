package io.mosaic.crm.platform.records.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.Change.FieldChange;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * SQL of the {@code record_changes} table: one row per committed write, inserted in the write's
 * transaction, read back as a record's history and by the outbox for events not yet posted.
 * Values are stored in their JSON form.
 */
public final class ChangeLog {
    private static final ObjectMapper JSON =
            new ObjectMapper().enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Map<String, Object>>> CHANGES = new TypeReference<>() {};

    private static final String INSERT = """
            INSERT INTO record_changes (module, entity, record_id, kind, user_id, changed_at, version, changes)
            VALUES (:module, :entity, :recordId, :kind, :userId, :at, :version, :changes)""";

    private static final String HISTORY = """
            SELECT id, module, entity, record_id, kind, user_id, changed_at, version, changes
              FROM record_changes
             WHERE module = :module AND entity = :entity AND record_id = :recordId AND id < :before
             ORDER BY id DESC
             LIMIT :limit""";

    private static final String PENDING = """
            SELECT id, module, entity, record_id, kind, user_id, changed_at, version, '{}' AS changes
              FROM record_changes
             WHERE dispatched_at IS NULL AND changed_at < :olderThan
             ORDER BY id
             LIMIT :limit""";

    private static final String MARK = "UPDATE record_changes SET dispatched_at = :now WHERE id IN (<ids>)";

    private static final String PURGE = """
            DELETE FROM record_changes WHERE changed_at < :before AND dispatched_at IS NOT NULL LIMIT :limit""";

    private static final RowMapper<Change> CHANGE = (rs, ctx) -> new Change(rs.getLong("id"), rs.getString("module"),
            rs.getString("entity"), rs.getLong("record_id"), EventKind.valueOf(rs.getString("kind")), rs.getLong("user_id"),
            rs.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getInt("version"),
            fields(rs.getString("changes")));

    private ChangeLog() {}

    /** Stores the change (its {@code changeId} is ignored) and answers it with its new id. */
    public static Change insert(Handle handle, Change change) {
        long id = handle.createUpdate(INSERT).bind("module", change.module()).bind("entity", change.entity())
                .bind("recordId", change.recordId()).bind("kind", change.kind().name()).bind("userId", change.userId())
                .bind("at", utc(change.at())).bind("version", change.version()).bind("changes", json(change.fields()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        return new Change(id, change.module(), change.entity(), change.recordId(), change.kind(), change.userId(),
                change.at(), change.version(), change.fields());
    }

    /**
     * Stores many changes with one multi-row INSERT, marked as posted at {@code postedAt} (their
     * events are announced per batch by the bulk writer's caller); answers nothing.
     */
    public static void insertPosted(Handle handle, List<Change> changes, Instant postedAt) {
        if (changes.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO record_changes (module, entity, record_id, kind, user_id,"
                + " changed_at, version, changes, dispatched_at) VALUES ");
        for (int i = 0; i < changes.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        var update = handle.createUpdate(sql.toString());
        int p = 0;
        for (Change change : changes) {
            update.bind(p++, change.module()).bind(p++, change.entity()).bind(p++, change.recordId())
                    .bind(p++, change.kind().name()).bind(p++, change.userId()).bind(p++, utc(change.at()))
                    .bind(p++, change.version()).bind(p++, json(change.fields())).bind(p++, utc(postedAt));
        }
        update.execute();
    }

    /** The id of the newest change of a record, or 0. */
    public static long last(Handle handle, String module, String entity, long recordId) {
        return handle.createQuery("SELECT COALESCE(MAX(id), 0) FROM record_changes WHERE module = :module"
                        + " AND entity = :entity AND record_id = :recordId")
                .bind("module", module).bind("entity", entity).bind("recordId", recordId).mapTo(Long.class).one();
    }

    /** One change of a record by id, if it is that record's. */
    public static java.util.Optional<Change> one(Handle handle, String module, String entity, long recordId, long id) {
        return handle.createQuery("SELECT id, module, entity, record_id, kind, user_id, changed_at, version, changes"
                        + " FROM record_changes WHERE id = :id AND module = :module AND entity = :entity AND record_id = :recordId")
                .bind("id", id).bind("module", module).bind("entity", entity).bind("recordId", recordId).map(CHANGE).findOne();
    }

    /** A record's changes, newest first, with ids below {@code before}. */
    public static List<Change> history(Handle handle, String module, String entity, long recordId, long before, int limit) {
        return handle.createQuery(HISTORY).bind("module", module).bind("entity", entity).bind("recordId", recordId)
                .bind("before", before).bind("limit", limit).map(CHANGE).list();
    }

    /** Changes whose event was not posted, committed before {@code olderThan}; without field values. */
    public static List<Change> pending(Handle handle, Instant olderThan, int limit) {
        return handle.createQuery(PENDING).bind("olderThan", utc(olderThan)).bind("limit", limit).map(CHANGE).list();
    }

    /** How many changes wait for their event to be posted. */
    public static long countPending(Handle handle) {
        return handle.createQuery("SELECT COUNT(*) FROM record_changes WHERE dispatched_at IS NULL").mapTo(Long.class).one();
    }

    public static void markDispatched(Handle handle, List<Long> ids, Instant now) {
        if (!ids.isEmpty()) {
            handle.createUpdate(MARK).bindList("ids", ids).bind("now", utc(now)).execute();
        }
    }

    /** Deletes up to {@code limit} posted changes older than {@code before}; answers how many. */
    public static int purge(Handle handle, Instant before, int limit) {
        return handle.createUpdate(PURGE).bind("before", utc(before)).bind("limit", limit).execute();
    }

    private static String json(Map<String, FieldChange> fields) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        fields.forEach((name, change) -> {
            Map<String, Object> pair = new LinkedHashMap<>();
            pair.put("before", change.before());
            pair.put("after", change.after());
            out.put(name, pair);
        });
        try {
            return JSON.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, FieldChange> fields(String json) {
        try {
            Map<String, FieldChange> out = new LinkedHashMap<>();
            JSON.readValue(json, CHANGES).forEach((name, pair) -> out.put(name, new FieldChange(pair.get("before"), pair.get("after"))));
            return out;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
