package io.mosaic.crm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.testing.TestMariaDb;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** A clock past its target is announced once, however often the sweep runs. */
class BreachSweepTest {

    @Test
    void posts_each_breach_once_with_the_clock_and_leaves_running_clocks_alone() {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase("breach");
        Flyway.configure(BreachSweepTest.class.getClassLoader()).dataSource(url, server.user(), server.password())
                .locations("classpath:db/service").table("flyway_service").load().migrate();
        Jdbi jdbi = Jdbi.create(url, server.user(), server.password());
        jdbi.useHandle(h -> {
            h.execute("INSERT INTO service_calendars (id, name, time_zone, hours, owner_id, created_at, updated_at)"
                    + " VALUES (1, 'c', 'Europe/Berlin', '{}', 1, NOW(6), NOW(6))");
            h.execute("INSERT INTO service_sla_policies (id, name, sort_order, calendar_id, targets, owner_id, created_at, updated_at)"
                    + " VALUES (1, 'p', 1, 1, '{}', 1, NOW(6), NOW(6))");
            h.execute("INSERT INTO service_cases (id, number, type, subject, account_id, priority, channel, status, status_category,"
                    + " owner_id, created_at, updated_at) VALUES (7, 'CS-1', 'question', 's', 1, 'low', 'email', 'new', 'open', 1, NOW(6), NOW(6))");
            for (String clock : List.of("firstResponse", "resolution")) {
                h.execute("INSERT INTO service_case_clocks (case_id, clock, policy_id, calendar_id, target_minutes, accrued_seconds,"
                        + " since, running, started_at, due_at) VALUES (7, ?, 1, 1, 60, 0, '2026-12-01', TRUE, '2026-12-01', ?)",
                        clock, clock.equals("firstResponse") ? "2026-12-01 10:00:00" : "2026-12-31 10:00:00");
            }
        });
        List<Event> posted = new CopyOnWriteArrayList<>();
        Database database = new Database() {
            @Override
            public Jdbi jdbi() {
                return jdbi;
            }

            @Override
            public void migrate(String moduleId, ClassLoader classLoader) {}
        };
        BreachSweep sweep = new BreachSweep(database, posted::add, () -> ServiceMeter.NONE,
                Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneOffset.UTC));
        try {
            assertThat(sweep.sweep()).isEqualTo(1);
            assertThat(sweep.sweep()).isZero();
        } finally {
            sweep.close();
        }
        assertThat(posted).singleElement().satisfies(e -> {
            assertThat(e.getTopic()).isEqualTo("io/mosaic/crm/service/Case/SLA_BREACHED");
            assertThat(e.getProperty("id")).isEqualTo(7L);
            assertThat(e.getProperty("clock")).isEqualTo("firstResponse");
        });
        String breachedAt = jdbi.withHandle(h -> h.createQuery(
                "SELECT breached_at FROM service_case_clocks WHERE clock = 'firstResponse'").mapTo(String.class).one());
        assertThat(breachedAt).startsWith("2026-12-01 10:00:00");
    }
}
