package io.mosaic.crm.customers.internal;

import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.testkit.RecordSchema;
import java.util.List;
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
        RecordSchema.assertColumns(jdbi, TYPES);
    }

    @Test
    void every_filter_sort_and_search_column_leads_an_index() {
        RecordSchema.assertIndexes(jdbi, TYPES);
    }
}
