package io.mosaic.crm.platform.records.internal.store;

import io.mosaic.crm.sdk.cache.NamedCache;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.Change.FieldChange;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.Problems;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import io.mosaic.crm.sdk.query.ListQuery;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.mapper.RowMapper;

/**
 * The store of one record type on MariaDB. Each write is one transaction holding the row change
 * and its change-log row, or joins the thread's running one ({@link Transactions}); after commit the cached copy is dropped, the hooks' {@code afterCommit}
 * runs and the change goes to the outbox. Duplicates are refused by the unique indexes (so
 * concurrent writers cannot both win) and answered with the holder's id; deadlock victims are retried.
 */
public final class SqlRecordStore implements RecordStore {
    private static final int ATTEMPTS = 3;
    private final RecordType type;
    private final RecordSql sql;
    private final StoreContext context;
    private final String label;

    public SqlRecordStore(RecordType type, StoreContext context) {
        this.type = type;
        this.sql = new RecordSql(type);
        this.context = context;
        this.label = type.label().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public RecordType type() {
        return type;
    }

    public RecordSql sql() {
        return sql;
    }

    /** The database, for reads that stream (exports). */
    public org.jdbi.v3.core.Jdbi jdbi() {
        return context.jdbi();
    }

    @Override
    public Optional<Record> find(long id) {
        try {
            return Optional.of(get(id));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public Record get(long id) {
        NamedCache<Long, Record> cache = context.cache().apply(type);
        if (cache != null && context.transactions().active()) {
            // inside a transaction a read sees its own uncommitted writes: it bypasses the cache both ways
            return load(id);
        }
        return cache == null ? load(id) : cache.get(id, this::load);
    }

    private Record load(long id) {
        return context.jdbi().withHandle(h -> h.createQuery(sql.find).bind("id", id).map(sql.mapper()).findOne())
                .orElseThrow(() -> new NotFoundException(label, id));
    }

    @Override
    public List<Record> findBy(String field, Object value, int limit) {
        String column = switch (field) {
            case "id" -> "id";
            case "ownerId" -> "owner_id";
            default -> type.field(field).orElseThrow(() -> new IllegalArgumentException(type + " has no field " + field))
                    .columnName();
        };
        return context.jdbi().withHandle(h -> h.createQuery(sql.findBy(column)).bind("value", RecordSql.sqlValue(value))
                .bind("limit", limit).map(sql.mapper()).list());
    }

    /** The rows of a list query, which must have been parsed against this type's list spec. */
    public List<ListQuery.Row<Record>> list(ListQuery<Record> query) {
        RowMapper<Record> record = sql.mapper();
        boolean matched = query.matchOrdered();
        return context.jdbi().withHandle(h -> h.createQuery(query.statement(sql.columns, type.table() + " r"))
                .bindMap(query.bindings())
                .map((rs, ctx) -> new ListQuery.Row<>(record.map(rs, ctx), matched ? rs.getString(ListQuery.MATCH_COLUMN) : null))
                .list());
    }

    @Override
    public Record create(Values given, long userId) {
        return create(given, userId, (handle, record) -> { });
    }

    /**
     * Creates a record; {@code beforeCommit} runs inside the write's transaction, after the row and its
     * change were written (e.g. to store the reply to an {@code Idempotency-Key} with the write).
     */
    public Record create(Values given, long userId, BiConsumer<Handle, Record> beforeCommit) {
        return timed("create", () -> {
            Map<String, Object> input = new LinkedHashMap<>();
            for (Field field : type.fields()) {
                input.put(field.name(), given.has(field.name()) ? given.get(field.name()) : field.defaultValue());
            }
            input.put("ownerId", given.get("ownerId") == null ? userId : given.get("ownerId"));
            List<FieldProblem> problems = new ArrayList<>();
            Values checked = FieldChecks.check(type, Values.of(input), problems);
            Instant now = now();
            var attempted = new AtomicReference<Values>(checked);
            return guardingDuplicates(attempted::get, 0, () -> inTransaction(h -> {
                Write write = new Write(Operation.CREATE, type, null, checked, userId, h, problems);
                validate(write, h);
                Values values = write.values();
                attempted.set(values);
                long owner = write.ownerId();
                long id = sql.bindValues(h.createUpdate(sql.insert), values, owner, now)
                        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
                Record record = new Record(id, 1, owner, now, now, declared(values), sql.kinds());
                Written done = written(h, write, record, log(h, EventKind.CREATED, null, record, userId, now));
                beforeCommit.accept(h, record);     // last in the transaction: the idempotent answer
                return done;
            }));
        });
    }

    @Override
    public Record update(long id, long expectedVersion, Values patch, long userId) {
        return timed("update", () -> {
            var attempted = new AtomicReference<Values>();
            return guardingDuplicates(attempted::get, id, () -> inTransaction(h -> {
                Record current = lock(h, id, OptionalLong.of(expectedVersion));
                Values merged = current.values().with("ownerId", current.ownerId()).merge(patch);
                if (merged.get("ownerId") == null) {
                    merged = merged.with("ownerId", current.ownerId());
                }
                List<FieldProblem> problems = new ArrayList<>();
                Values checked = FieldChecks.check(type, merged, problems);
                Write write = new Write(Operation.UPDATE, type, current, checked, userId, h, problems);
                validate(write, h);
                Values values = write.values();
                attempted.set(values);
                Instant now = now();
                sql.bindValues(h.createUpdate(sql.update), values, write.ownerId(), now).bind("id", id)
                        .bind("version", current.version()).execute();
                Record record = new Record(id, current.version() + 1, write.ownerId(), current.createdAt(), now,
                        declared(values), sql.kinds());
                return written(h, write, record, log(h, EventKind.UPDATED, current, record, userId, now));
            }));
        });
    }

    @Override
    public void delete(long id, OptionalLong expectedVersion, long userId) {
        delete(id, expectedVersion, userId, Map.of());
    }

    @Override
    public void delete(long id, OptionalLong expectedVersion, long userId, Map<String, String> options) {
        timed("delete", () -> inTransaction(h -> {
            Record current = lock(h, id, expectedVersion);
            Write write = new Write(Operation.DELETE, type, current, current.values().with("ownerId", current.ownerId()),
                    userId, h, List.of()).withOptions(options);
            type.hooks().validate(write);
            write.throwIfProblems();
            type.hooks().beforeWrite(write);
            Instant now = now();
            h.createUpdate(sql.softDelete).bind("id", id).bind("now", RecordSql.utc(now)).execute();
            return written(h, write, current, log(h, EventKind.DELETED, current, null, userId, now));
        }));
    }

    /** Runs a write, announces it after commit, and times it (a refused or failed write counts as failed). */
    private Record timed(String operation, Supplier<Written> write) {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            Written written = write.get();
            context.transactions().afterCommit(() -> committed(written));
            failed = false;
            return written.record();
        } finally {
            context.timer().record(type, operation, System.nanoTime() - started, failed);
        }
    }

    private record Written(Record record, Change change, List<Change> announced) {}

    /** The write's change, the changes it also announces (same fields, another kind), then the afterWrite hook. */
    private Written written(Handle handle, Write write, Record record, Change change) {
        List<Change> announced = new ArrayList<>();
        for (EventKind kind : write.announced()) {
            announced.add(ChangeLog.insert(handle, new Change(0, change.module(), change.entity(), change.recordId(), kind,
                    change.userId(), change.at(), change.version(), change.fields())));
        }
        type.hooks().afterWrite(write, record);
        return new Written(record, change, announced);
    }

    /**
     * References, then the hooks; every problem is reported in one 422. A field that failed its
     * own checks holds no value of its kind: a hook that trips over it (a cast, a null) adds
     * nothing to the problems already found, which are the answer.
     */
    private void validate(Write write, Handle handle) {
        for (Field field : type.fields()) {
            if (field.kind() == FieldKind.REFERENCE && write.changes(field.name()) && !write.hasProblem(field.name())
                    && write.values().get(field.name()) != null) {
                checkReference(handle, field, (Long) write.values().get(field.name()), write);
            }
        }
        try {
            type.hooks().validate(write);
        } catch (RuntimeException e) {
            if (!write.hasProblems()) {
                throw e;
            }
        }
        write.throwIfProblems();
        type.hooks().beforeWrite(write);
        write.throwIfProblems();
    }

    private void checkReference(Handle handle, Field field, long id, Write write) {
        RecordType target = context.types().apply(field.target()).orElseThrow(() -> new UnavailableException(
                "module_unavailable", field.name() + " refers to " + field.target() + ", whose module is not running"));
        boolean live = handle.createQuery(RecordSql.liveReference(target)).bind("id", id).mapTo(Long.class).findOne()
                .isPresent();
        if (!live) {
            write.problem(field.name(), Problems.UNKNOWN_REFERENCE);
        }
    }

    private Record lock(Handle handle, long id, OptionalLong expectedVersion) {
        Record current = handle.createQuery(sql.find + " FOR UPDATE").bind("id", id).map(sql.mapper()).findOne()
                .orElseThrow(() -> new NotFoundException(label, id));
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw new VersionMismatchException(current.version());
        }
        return current;
    }

    private Change log(Handle handle, EventKind kind, Record before, Record after, long userId, Instant now) {
        Map<String, FieldChange> fields = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(sql.kinds().keySet());
        names.add("ownerId");
        for (String name : names) {
            Object was = before == null ? null : before.get(name);
            Object is = after == null ? null : after.get(name);
            if (!java.util.Objects.equals(Write.comparable(was), Write.comparable(is))) {
                FieldKind fieldKind = sql.kinds().getOrDefault(name, FieldKind.REFERENCE);
                fields.put(name, new FieldChange(Record.json(fieldKind, was), Record.json(fieldKind, is)));
            }
        }
        long recordId = after != null ? after.id() : before.id();
        int version = after != null ? after.version() : before.version() + 1;
        return ChangeLog.insert(handle, new Change(0, type.module(), type.entity(), recordId, kind, userId, now, version, fields));
    }

    /** After commit, and so before the write is answered: forget the cached copy, run the hooks, post. */
    private void committed(Written written) {
        NamedCache<Long, Record> cache = context.cache().apply(type);
        if (cache != null) {
            cache.invalidate(written.change().recordId());
        }
        try {
            type.hooks().afterCommit(written.change());
        } finally {
            context.committed().accept(written.change());
            written.announced().forEach(context.committed());
        }
    }

    private Values declared(Values values) {
        Map<String, Object> out = new LinkedHashMap<>();
        sql.kinds().keySet().forEach(name -> out.put(name, values.get(name)));
        return Values.of(out);
    }

    /** The thread's transaction: joined when one runs (another store's write, {@code Records.inTransaction}). */
    private <R> R inTransaction(HandleCallback<R, RuntimeException> work) {
        return context.transactions().inTransaction(work::withHandle);
    }

    /** Answers a unique-key refusal with 409 naming the record that holds the values. */
    private <T> T guardingDuplicates(Supplier<Values> attempted, long selfId, Supplier<T> write) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!SqlFailures.isDuplicateKey(e) || attempted.get() == null) {
                    throw e;
                }
                for (UniqueKey key : type.uniqueKeys()) {
                    Optional<Long> holder = context.jdbi().withHandle(h -> sql.bindKey(h.createQuery(sql.holder(key)), key,
                            attempted.get()).bind("exceptId", selfId).mapTo(Long.class).findOne());
                    if (holder.isPresent()) {
                        throw new DuplicateException(label, holder.get(), key.fields());
                    }
                }
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("a concurrent change to the " + label + " got in the way; try again");
                }
            }
        }
    }

    /** The time to stamp on a write, at the precision of the {@code DATETIME(6)} columns. */
    private Instant now() {
        return context.clock().instant().truncatedTo(ChronoUnit.MICROS);
    }
}
