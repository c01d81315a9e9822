package io.mosaic.crm.customers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The declarations of accounts and contacts agree with the migrated tables: every field has its
 * column, and every field a list may filter, sort or search by leads an index, so lists over
 * millions of rows stay index range scans.
 */
class CustomerTypesSchemaTest {
    private static final List<RecordType> TYPES = List.of(Accounts.type(new AccountRules(List::of)), Contacts.TYPE);
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("schema");
    }

    @Test
    void every_declared_field_and_standard_column_exists() {
        for (RecordType type : TYPES) {
            Set<String> columns = Set.copyOf(jdbi.withHandle(h -> h.createQuery("""
                    SELECT column_name FROM information_schema.columns
                     WHERE table_schema = DATABASE() AND table_name = :table""")
                    .bind("table", type.table()).mapTo(String.class).list()));
            assertThat(columns).as(type.toString())
                    .contains("id", "version", "owner_id", "created_at", "updated_at", "deleted_at")
                    .containsAll(type.fields().stream().map(Field::columnName).toList())
                    .containsAll(type.uniqueKeys().stream().map(k -> k.column()).toList())
                    .containsAll(type.searchColumns().keySet());
        }
    }

    @Test
    void every_filter_sort_and_search_column_leads_an_index() {
        for (RecordType type : TYPES) {
            Set<String> leading = Set.copyOf(jdbi.withHandle(h -> h.createQuery("""
                    SELECT column_name FROM information_schema.statistics
                     WHERE table_schema = DATABASE() AND table_name = :table AND seq_in_index = 1""")
                    .bind("table", type.table()).mapTo(String.class).list()));
            for (Field field : type.fields()) {
                if (field.filtering() != Field.Filter.NONE || field.isSortable() || field.isSearchable()) {
                    assertThat(leading).as(type + " " + field.name()).contains(field.columnName());
                }
            }
            assertThat(leading).as(type + " standard columns").contains("owner_id", "created_at", "updated_at");
        }
    }
}
