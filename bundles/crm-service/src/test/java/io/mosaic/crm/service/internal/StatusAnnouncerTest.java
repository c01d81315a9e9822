package io.mosaic.crm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testing.TestMariaDb;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

/** Status changes are announced from the status log when the case's UPDATED event arrives, each once. */
class StatusAnnouncerTest {

    @Test
    void announces_each_logged_status_change_once_and_closing_also_as_closed() {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase("announce");
        Flyway.configure(StatusAnnouncerTest.class.getClassLoader()).dataSource(url, server.user(), server.password())
                .locations("classpath:db/service").table("flyway_service").load().migrate();
        Jdbi jdbi = Jdbi.create(url, server.user(), server.password());
        jdbi.useHandle(h -> h.execute("""
                INSERT INTO service_case_status_log (case_id, previous_status, status, category, changed_at, announced) VALUES
                  (9, NULL, 'new', 'open', NOW(6), TRUE), (9, 'new', 'in_progress', 'open', NOW(6), FALSE),
                  (9, 'in_progress', 'resolved', 'closed', NOW(6), FALSE), (10, 'new', 'assigned', 'open', NOW(6), FALSE)"""));
        List<Event> posted = new CopyOnWriteArrayList<>();
        StatusAnnouncer announcer = new StatusAnnouncer(jdbi, posted::add);
        Event updated = new Event("io/mosaic/crm/service/Case/UPDATED", Map.of("id", 9L, "userId", 3L, "changeId", 77L));

        announcer.handleEvent(updated);
        announcer.handleEvent(updated);                      // a redelivery finds nothing new

        assertThat(posted).extracting(Event::getTopic).containsExactly("io/mosaic/crm/service/Case/STATUS_CHANGED",
                "io/mosaic/crm/service/Case/STATUS_CHANGED", "io/mosaic/crm/service/Case/CLOSED");
        assertThat(posted.get(0).getProperty("from")).isEqualTo("new");
        assertThat(posted.get(0).getProperty("to")).isEqualTo("in_progress");
        assertThat(posted.get(1).getProperty("to")).isEqualTo("resolved");
        assertThat(posted.get(2).getProperty("changeId")).isEqualTo(77L);
        assertThat(posted).allSatisfy(e -> assertThat(e.getProperty("id")).isEqualTo(9L));
    }
}
