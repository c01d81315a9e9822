package io.mosaic.crm.platform.records.internal.store;

import io.mosaic.crm.sdk.bulk.BulkRecords.Inserted;
import io.mosaic.crm.sdk.bulk.BulkRecords;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Change.FieldChange;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.Problems;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The bulk writes of one record type, in the caller's transaction: the same checks as
 * {@link SqlRecordStore#create} (fields, references, hooks) with one multi-row INSERT per batch
 * and one multi-row INSERT of its change rows. A unique key refusing the batch makes it fall back
 * to one INSERT per row, so that only the duplicates are refused (InnoDB rolls back the failed
 * statement, not the transaction).
 */
public final class BulkStore {
    /** MariaDB allows 65,535 placeholders per statement; stay well below. */
    private static final int MAX_PLACEHOLDERS = 50_000;
    private final RecordType type;
    private final RecordSql sql;
    private final StoreContext context;

    public BulkStore(RecordType type, StoreContext context) {
        this.type = type;
        this.sql = new RecordSql(type);
        this.context = context;
    }

    /** The full values a create of {@code given} would store, checked; problems are added. */
    public Values checked(Values given, long userId, List<FieldProblem> problems) {
        Map<String, Object> input = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            input.put(field.name(), given.has(field.name()) ? given.get(field.name()) : field.defaultValue());
        }
        input.put("ownerId", given.get("ownerId") == null ? userId : given.get("ownerId"));
        return FieldChecks.check(type, Values.of(input), problems);
    }

    public Inserted insert(Handle handle, List<Values> rows, long userId) {
        Instant now = context.clock().instant().truncatedTo(ChronoUnit.MICROS);
        List<Write> writes = new ArrayList<>(rows.size());
        for (Values row : rows) {
            Values owned = row.get("ownerId") == null ? row.with("ownerId", userId) : row;
            writes.add(new Write(Operation.CREATE, type, null, owned, userId, handle, List.of()));
        }
        checkReferences(handle, writes);
        Map<Integer, List<FieldProblem>> refused = new HashMap<>();
        List<Integer> accepted = new ArrayList<>();
        for (int i = 0; i < writes.size(); i++) {
            Write write = writes.get(i);
            if (write.problems().isEmpty()) {
                type.hooks().validate(write);
            }
            if (write.problems().isEmpty()) {
                type.hooks().beforeWrite(write);
            }
            if (write.problems().isEmpty()) {
                accepted.add(i);
            } else {
                refused.put(i, write.problems());
            }
        }
        Long[] ids = new Long[rows.size()];
        insertAccepted(handle, writes, accepted, now, ids, refused);
        List<Change> changes = new ArrayList<>();
        List<Record> records = new ArrayList<>();
        for (int i : accepted) {
            if (ids[i] == null) {
                continue;
            }
            Write write = writes.get(i);
            Record record = new Record(ids[i], 1, write.ownerId(), now, now, declared(write.values()), sql.kinds());
            records.add(record);
            changes.add(new Change(0, type.module(), type.entity(), ids[i], EventKind.CREATED, userId, now, 1, created(record)));
        }
        ChangeLog.insertPosted(handle, changes, now);
        for (int n = 0, r = 0; n < accepted.size(); n++) {
            if (ids[accepted.get(n)] != null) {
                type.hooks().afterWrite(writes.get(accepted.get(n)), records.get(r++));
            }
        }
        return new Inserted(Arrays.asList(ids), refused);
    }

    private void insertAccepted(Handle handle, List<Write> writes, List<Integer> accepted, Instant now, Long[] ids,
            Map<Integer, List<FieldProblem>> refused) {
        int perRow = type.fields().size() + 3;
        int chunk = Math.max(1, MAX_PLACEHOLDERS / perRow);
        for (int from = 0; from < accepted.size(); from += chunk) {
            List<Integer> part = accepted.subList(from, Math.min(accepted.size(), from + chunk));
            try {
                List<Long> keys = insertRows(handle, writes, part, now);
                for (int k = 0; k < part.size(); k++) {
                    ids[part.get(k)] = keys.get(k);
                }
            } catch (RuntimeException e) {
                if (!SqlFailures.isDuplicateKey(e)) {
                    throw e;
                }
                for (int i : part) {
                    try {
                        ids[i] = insertRows(handle, writes, List.of(i), now).get(0);
                    } catch (RuntimeException one) {
                        if (!SqlFailures.isDuplicateKey(one)) {
                            throw one;
                        }
                        refused.put(i, List.of(duplicate(handle, writes.get(i).values())));
                    }
                }
            }
        }
    }

    private List<Long> insertRows(Handle handle, List<Write> writes, List<Integer> rows, Instant now) {
        String columns = type.fields().stream().map(Field::columnName).collect(Collectors.joining(", "));
        String one = "(" + "?, ".repeat(type.fields().size()) + "?, 1, ?, ?)";
        String statement = "INSERT INTO " + type.table() + " (" + columns + ", owner_id, version, created_at, updated_at)"
                + " VALUES " + String.join(", ", Collections.nCopies(rows.size(), one));
        Update update = handle.createUpdate(statement);
        int p = 0;
        Object stamp = RecordSql.utc(now);
        for (int i : rows) {
            Values values = writes.get(i).values();
            for (Field field : type.fields()) {
                Object given = values.get(field.name());
                Object value = field.kind() == FieldKind.JSON && given != null ? JsonValues.text(given) : RecordSql.sqlValue(given);
                update.bindByType(p++, value, RecordSql.javaType(field.kind()));
            }
            update.bind(p++, writes.get(i).ownerId()).bind(p++, stamp).bind(p++, stamp);
        }
        List<Long> keys = update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).list();
        if (keys.size() == rows.size()) {
            return keys;
        }
        // the connector reported only the first id: a multi-row INSERT takes consecutive ones
        long first = handle.createQuery("SELECT LAST_INSERT_ID()").mapTo(Long.class).one();
        List<Long> computed = new ArrayList<>(rows.size());
        for (int k = 0; k < rows.size(); k++) {
            computed.add(first + k);
        }
        return computed;
    }

    /** The problem of a row a unique key refused, naming the holder. */
    private FieldProblem duplicate(Handle handle, Values values) {
        for (UniqueKey key : type.uniqueKeys()) {
            var holder = sql.bindKey(handle.createQuery(sql.holder(key)), key, values).bind("exceptId", 0L)
                    .mapTo(Long.class).findOne();
            if (holder.isPresent()) {
                return new FieldProblem(String.join(",", key.fields()), "duplicate", holder.get());
            }
        }
        return new FieldProblem("", "duplicate");
    }

    /** One query per reference field for the whole batch; missing or deleted targets are problems. */
    private void checkReferences(Handle handle, List<Write> writes) {
        for (Field field : type.fields()) {
            if (field.kind() != FieldKind.REFERENCE) {
                continue;
            }
            Set<Long> wanted = new HashSet<>();
            writes.forEach(w -> {
                if (w.values().get(field.name()) instanceof Long id) {
                    wanted.add(id);
                }
            });
            if (wanted.isEmpty()) {
                continue;
            }
            RecordType target = context.types().apply(field.target()).orElseThrow(() -> new UnavailableException(
                    "module_unavailable", field.name() + " refers to " + field.target() + ", whose module is not running"));
            Set<Long> live = new HashSet<>(handle.createQuery("SELECT id FROM " + target.table()
                            + " WHERE id IN (<ids>) AND deleted_at IS NULL LOCK IN SHARE MODE")
                    .bindList("ids", List.copyOf(wanted)).mapTo(Long.class).list());
            for (Write write : writes) {
                if (write.values().get(field.name()) instanceof Long id && !live.contains(id)) {
                    write.problem(field.name(), Problems.UNKNOWN_REFERENCE);
                }
            }
        }
    }

    public Map<List<String>, Long> match(Handle handle, List<String> fields, List<Values> rows) {
        List<String> columns = fields.stream().map(f -> type.field(f)
                .orElseThrow(() -> new IllegalArgumentException(type + " has no field " + f)).columnName()).toList();
        List<Values> keyed = rows.stream().filter(v -> fields.stream().allMatch(f -> v.get(f) != null)).toList();
        if (keyed.isEmpty()) {
            return Map.of();
        }
        String tuple = "(" + String.join(", ", Collections.nCopies(fields.size(), "?")) + ")";
        String statement = "SELECT id, " + String.join(", ", columns) + " FROM " + type.table() + " WHERE deleted_at IS NULL"
                + " AND (" + String.join(", ", columns) + ") IN (" + String.join(", ", Collections.nCopies(keyed.size(), tuple)) + ")";
        var query = handle.createQuery(statement);
        int p = 0;
        for (Values row : keyed) {
            for (String field : fields) {
                query.bind(p++, RecordSql.sqlValue(row.get(field)));
            }
        }
        Map<List<String>, Long> found = new HashMap<>();
        query.map((rs, ctx) -> {
            List<String> key = new ArrayList<>();
            for (String column : columns) {
                String text = rs.getString(column);
                key.add(text == null ? null : text.toLowerCase(Locale.ROOT));
            }
            found.putIfAbsent(key, rs.getLong("id"));
            return 0;
        }).list();
        return found;
    }

    public int delete(Handle handle, List<Long> ids, long userId) {
        if (ids.isEmpty()) {
            return 0;
        }
        Instant now = context.clock().instant().truncatedTo(ChronoUnit.MICROS);
        Map<Long, Integer> versions = new LinkedHashMap<>();
        handle.createQuery("SELECT id, version FROM " + type.table() + " WHERE id IN (<ids>) AND deleted_at IS NULL FOR UPDATE")
                .bindList("ids", ids).map((rs, ctx) -> versions.put(rs.getLong(1), rs.getInt(2))).list();
        if (versions.isEmpty()) {
            return 0;
        }
        handle.createUpdate("UPDATE " + type.table() + " SET deleted_at = :now, updated_at = :now, version = version + 1"
                + " WHERE id IN (<ids>) AND deleted_at IS NULL").bind("now", RecordSql.utc(now))
                .bindList("ids", List.copyOf(versions.keySet())).execute();
        List<Change> changes = new ArrayList<>();
        versions.forEach((id, version) -> changes.add(new Change(0, type.module(), type.entity(), id, EventKind.DELETED,
                userId, now, version + 1, Map.of())));
        ChangeLog.insertPosted(handle, changes, now);
        var cache = context.cache().apply(type);
        if (cache != null) {
            context.transactions().afterCommit(() -> versions.keySet().forEach(cache::invalidate));
        }
        return versions.size();
    }

    private Map<String, FieldChange> created(Record record) {
        Map<String, FieldChange> fields = new LinkedHashMap<>();
        sql.kinds().forEach((name, kind) -> {
            if (record.get(name) != null) {
                fields.put(name, new FieldChange(null, Record.json(kind, record.get(name))));
            }
        });
        fields.put("ownerId", new FieldChange(null, record.ownerId()));
        return fields;
    }

    private Values declared(Values values) {
        Map<String, Object> out = new LinkedHashMap<>();
        sql.kinds().keySet().forEach(name -> out.put(name, values.get(name)));
        return Values.of(out);
    }
}
