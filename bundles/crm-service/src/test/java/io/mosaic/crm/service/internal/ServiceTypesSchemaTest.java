package io.mosaic.crm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.testing.TestMariaDb;
import io.mosaic.crm.testkit.RecordSchema;
import java.time.Clock;
import java.util.List;
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
        RecordSchema.assertColumns(jdbi, TYPES);
    }

    @Test
    void every_filter_sort_and_search_column_leads_an_index() {
        RecordSchema.assertIndexes(jdbi, TYPES);
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
