package io.mosaic.crm.sdk.record;

import java.util.List;
import java.util.Objects;

/**
 * A rule that no two live records share some values, enforced by a {@code UNIQUE} index on
 * {@code column} (typically a generated column that is NULL once the row is soft-deleted, so
 * deleted records never collide). When the index refuses a write, the platform finds the record
 * holding the values with {@code column = <holder>} and answers 409 {@code duplicate} with its id.
 *
 * @param column the indexed column, e.g. {@code live_email}
 * @param holder trusted SQL computing the column's value from the written fields, with named
 *     parameters {@code :fieldName}, e.g. {@code LOWER(TRIM(:email))}
 * @param fields the JSON names of the fields the key is made of, named in the 409 details
 */
public record UniqueKey(String column, String holder, List<String> fields) {

    public UniqueKey {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(holder, "holder");
        fields = List.copyOf(fields);
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("a unique key needs fields");
        }
    }

    /** A key of one field whose column holds its value as written: {@code column = :field}. */
    public static UniqueKey of(Field field) {
        return new UniqueKey(field.columnName(), ":" + field.name(), List.of(field.name()));
    }

    public static UniqueKey on(String column, String holder, String... fields) {
        return new UniqueKey(column, holder, List.of(fields));
    }
}
