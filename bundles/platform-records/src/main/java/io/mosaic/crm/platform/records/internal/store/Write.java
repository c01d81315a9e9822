package io.mosaic.crm.platform.records.internal.store;

import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** One write in progress inside its transaction: what hooks see and may add to. */
final class Write implements WriteContext {
    private final Operation operation;
    private final RecordType type;
    private final Record before;
    private final Map<String, Object> values;
    private final long userId;
    private final Handle handle;
    private final List<FieldProblem> problems;
    private final List<EventKind> announced = new ArrayList<>();
    private Map<String, String> options = Map.of();

    Write(Operation operation, RecordType type, Record before, Values values, long userId, Handle handle,
            List<FieldProblem> problems) {
        this.operation = operation;
        this.type = type;
        this.before = before;
        this.values = new LinkedHashMap<>(values.asMap());
        this.userId = userId;
        this.handle = handle;
        this.problems = new ArrayList<>(problems);
    }

    @Override
    public Operation operation() { return operation; }

    @Override
    public RecordType type() { return type; }

    @Override
    public Optional<Record> before() { return Optional.ofNullable(before); }

    @Override
    public Values values() { return Values.of(values); }

    @Override
    public boolean changes(String field) {
        Object after = values.get(field);
        return before == null ? after != null : !Objects.equals(comparable(before.get(field)), comparable(after));
    }

    @Override
    public void set(String field, Object value) {
        if (!field.equals("ownerId") && type.field(field).isEmpty()) {
            throw new IllegalArgumentException(type + " has no field " + field);
        }
        values.put(field, value);
    }

    @Override
    public long ownerId() { return (Long) values.get("ownerId"); }

    @Override
    public long userId() { return userId; }

    @Override
    public Handle handle() { return handle; }

    @Override
    public void problem(String field, String problem) {
        problems.add(new FieldProblem(field, problem));
    }

    @Override
    public void announce(EventKind kind) {
        if (!announced.contains(kind)) {
            announced.add(Objects.requireNonNull(kind));
        }
    }

    Write withOptions(Map<String, String> given) {
        options = Map.copyOf(given);
        return this;
    }

    @Override
    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    List<EventKind> announced() {
        return announced;
    }

    List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    boolean hasProblem(String field) {
        return problems.stream().anyMatch(p -> p.field().equals(field));
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    void throwIfProblems() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    /** Decimals compare by value: 12.50 and 12.5 are no change. */
    static Object comparable(Object value) {
        return value instanceof java.math.BigDecimal d ? d.stripTrailingZeros() : value;
    }
}
