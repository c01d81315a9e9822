package io.mosaic.crm.sdk.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A stored, live record: the standard fields and the declared fields' values. Immutable; holds
 * only platform types (no module classes), so it may sit in a shared cache.
 */
public final class Record {
    private final long id;
    private final int version;
    private final long ownerId;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Values values;
    private final Map<String, FieldKind> kinds;

    /**
     * @param kinds the kind of each declared field, in JSON order (shared per record type)
     */
    public Record(long id, int version, long ownerId, Instant createdAt, Instant updatedAt, Values values,
            Map<String, FieldKind> kinds) {
        this.id = id;
        this.version = version;
        this.ownerId = ownerId;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.updatedAt = Objects.requireNonNull(updatedAt);
        this.values = Objects.requireNonNull(values);
        this.kinds = kinds;
    }

    public long id() { return id; }

    public int version() { return version; }

    public long ownerId() { return ownerId; }

    public Instant createdAt() { return createdAt; }

    public Instant updatedAt() { return updatedAt; }

    /** The declared fields' values (every declared field is present, maybe null). */
    public Values values() { return values; }

    /** A field's value by JSON name, the standard fields included. */
    public Object get(String field) {
        return switch (field) {
            case "id" -> id;
            case "version" -> version;
            case "ownerId" -> ownerId;
            case "createdAt" -> createdAt;
            case "updatedAt" -> updatedAt;
            default -> values.get(field);
        };
    }

    public String text(String field) {
        return (String) values.get(field);
    }

    /**
     * The JSON representation: {@code id}, the declared fields (null ones included), then
     * {@code ownerId}, {@code version}, {@code createdAt}, {@code updatedAt}. Money is a decimal
     * string, dates and instants ISO-8601 text.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        kinds.forEach((name, kind) -> json.put(name, json(kind, values.get(name))));
        json.put("ownerId", ownerId);
        json.put("version", version);
        json.put("createdAt", createdAt.toString());
        json.put("updatedAt", updatedAt.toString());
        return json;
    }

    /** The JSON form of one value of {@code kind}. */
    public static Object json(FieldKind kind, Object value) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case MONEY -> ((BigDecimal) value).toPlainString();
            case DATE, DATETIME -> value.toString();
            default -> value;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && r.id == id && r.version == version && r.ownerId == ownerId
                && r.createdAt.equals(createdAt) && r.updatedAt.equals(updatedAt) && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id) * 31 + version;
    }

    @Override
    public String toString() {
        return "Record" + toJson();
    }
}
