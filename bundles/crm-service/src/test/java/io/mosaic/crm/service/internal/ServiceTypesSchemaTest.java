package io.mosaic.crm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.testing.TestMariaDb;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The declarations of the service module agree with its migrated tables: every field has its
 * column, and every field a list may filter, sort or search by leads an index.
 */
class ServiceTypesSchemaTest {
    private static final List<RecordType> TYPES = List.of(Calendars.TYPE, SlaPolicies.TYPE,
            Cases.type(new CaseRules(null, () -> 75, () -> java.time.Duration.ofDays(1), Clock.systemUTC())), Comments.type(() -> 75), Articles.TYPE, Teams.TYPE);
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase("service");
        var result = Flyway.configure(ServiceTypesSchemaTest.class.getClassLoader())
                .dataSource(url, server.user(), server.password())
                .locations("classpath:db/" + ServiceSchema.MODULE_ID).table("flyway_" + ServiceSchema.MODULE_ID)
                .load().migrate();
        assertThat(result.migrationsExecuted).isPositive();
        jdbi = Jdbi.create(url, server.user(), server.password());
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
                    .containsAll(type.uniqueKeys().stream().map(k -> k.column()).toList());
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

    @Test
    void every_status_has_a_category_and_a_way_on_except_into_nothing() {
        List<Statuses.Status> statuses = jdbi.withHandle(Statuses::all);
        assertThat(statuses).extracting(Statuses.Status::code).containsExactly("new", "assigned", "in_progress",
                "pending_customer", "resolved", "closed", "rejected", "duplicate");
        assertThat(statuses).filteredOn(s -> s.code().equals("closed")).singleElement()
                .satisfies(s -> assertThat(s.next()).containsExactly("in_progress"));
    }
}
