package io.mosaic.crm.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Record declarations against a module's migrated tables, for its unit tests: every declared field
 * has its column, and every column a list filters, sorts or searches by leads an index (so lists
 * over millions of rows stay index range scans).
 *
 * <pre>{@code
 * @Test void declarations_match_the_tables() {
 *     RecordSchema.assertColumns(jdbi, TYPES);
 *     RecordSchema.assertIndexes(jdbi, TYPES);
 * }
 * }</pre>
 */
public final class RecordSchema {
    private RecordSchema() {}

    /** The standard columns, the fields' columns, the unique keys' and the search columns exist. */
    public static void assertColumns(Jdbi jdbi, Collection<RecordType> types) {
        for (RecordType type : types) {
            Set<String> columns = Set.copyOf(jdbi.withHandle(h -> h.createQuery("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = DATABASE() AND table_name = :table""")
                    .bind("table", type.table()).mapTo(String.class).list()));
            Set<String> expected = new LinkedHashSet<>(List.of("id", "version", "owner_id", "created_at", "updated_at", "deleted_at"));
            type.fields().forEach(field -> expected.add(field.columnName()));
            type.uniqueKeys().forEach(key -> expected.add(key.column()));
            expected.addAll(type.searchColumns().keySet());
            expected.removeAll(columns);
            assertEquals(Set.of(), expected, type + ": declared columns missing from table " + type.table());
        }
    }

    /** Every filter, sort and search column, and the owner and time columns, lead an index. */
    public static void assertIndexes(Jdbi jdbi, Collection<RecordType> types) {
        for (RecordType type : types) {
            Set<String> leading = Set.copyOf(jdbi.withHandle(h -> h.createQuery("""
                    SELECT column_name FROM information_schema.statistics
                     WHERE table_schema = DATABASE() AND table_name = :table AND seq_in_index = 1""")
                    .bind("table", type.table()).mapTo(String.class).list()));
            List<String> unindexed = new ArrayList<>();
            for (Field field : type.fields()) {
                if ((field.filtering() != Field.Filter.NONE || field.isSortable() || field.isSearchable())
                        && !leading.contains(field.columnName())) {
                    unindexed.add(field.name() + " (" + field.columnName() + ")");
                }
            }
            for (String standard : List.of("owner_id", "created_at", "updated_at")) {
                if (!leading.contains(standard)) {
                    unindexed.add(standard);
                }
            }
            assertEquals(List.of(), unindexed, type + ": columns a list uses that lead no index of " + type.table());
        }
    }
}
