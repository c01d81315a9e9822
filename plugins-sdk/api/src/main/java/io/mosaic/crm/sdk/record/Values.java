package io.mosaic.crm.sdk.record;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Field values by JSON name, keeping "absent" and "null" apart (JSON merge patch): a create or
 * patch changes exactly the fields it names, and {@code null} clears a field. Values are the Java
 * forms of their {@link FieldKind}: {@code String}, {@code Integer}, {@code Long} (references,
 * {@code ownerId}), {@code BigDecimal} (decimal, money), {@code Boolean}, {@code LocalDate},
 * {@code Instant}.
 */
public final class Values {
    private final Map<String, Object> values;

    private Values(Map<String, Object> values) {
        this.values = values;
    }

    public static Values empty() {
        return new Values(Map.of());
    }

    /** The given values; a key mapped to {@code null} is present and null. */
    public static Values of(Map<String, ?> values) {
        return new Values(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    /** Convenience for code: pairs of name and value, {@code Values.of("name", "Acme", "country", "DE")}. */
    public static Values of(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("need name, value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) Objects.requireNonNull(pairs[i]), pairs[i + 1]);
        }
        return of(map);
    }

    /** Whether the field is named (possibly with {@code null}). */
    public boolean has(String field) {
        return values.containsKey(field);
    }

    /** The value, or null when it is null or absent. */
    public Object get(String field) {
        return values.get(field);
    }

    public <T> T get(String field, Class<T> type) {
        return type.cast(values.get(field));
    }

    public Set<String> names() {
        return values.keySet();
    }

    /** These values with {@code field} set to {@code value}. */
    public Values with(String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.put(field, value);
        return new Values(Collections.unmodifiableMap(copy));
    }

    /** These values, then those of {@code patch} over them. */
    public Values merge(Values patch) {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        copy.putAll(patch.values);
        return new Values(Collections.unmodifiableMap(copy));
    }

    public Map<String, Object> asMap() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Values other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
