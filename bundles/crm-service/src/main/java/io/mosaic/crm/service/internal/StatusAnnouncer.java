package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.event.CrmEvents;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Posts {@code Case/STATUS_CHANGED} ({@code from}, {@code to}, {@code statusChangeId}) and, into
 * a closed status, {@code Case/CLOSED}, for the status-log rows not yet announced, whenever the
 * record kit's outbox delivers a case's UPDATED event. The outbox redelivers after a crash, so no
 * status change goes unannounced; an event may come twice (consumers skip a known
 * {@code statusChangeId}).
 */
@Component(property = EventConstants.EVENT_TOPIC + "=io/mosaic/crm/service/Case/UPDATED")
public final class StatusAnnouncer implements EventHandler {
    private final Jdbi jdbi;
    private final Consumer<Event> events;

    @Activate
    public StatusAnnouncer(@Reference Database database, @Reference ServiceTypes types) {
        this(database.jdbi(), types::post);
    }

    StatusAnnouncer(Jdbi jdbi, Consumer<Event> events) {
        this.jdbi = jdbi;
        this.events = events;
    }

    @Override
    public void handleEvent(Event event) {
        long caseId = ((Number) event.getProperty(CrmEvents.ID)).longValue();
        long userId = event.getProperty(CrmEvents.USER_ID) instanceof Number n ? n.longValue() : 0;
        List<Map<String, Object>> pending = jdbi.withHandle(h -> h.createQuery("""
                SELECT id, previous_status, status, category FROM service_case_status_log
                 WHERE announced = FALSE AND case_id = :id ORDER BY id""").bind("id", caseId).mapToMap().list());
        for (Map<String, Object> row : pending) {
            long id = ((Number) row.get("id")).longValue();
            Map<String, Object> props = new java.util.HashMap<>();
            props.put("from", row.get("previous_status"));
            props.put("to", row.get("status"));
            props.put("statusChangeId", id);
            long changeId = event.getProperty(CrmEvents.CHANGE_ID) instanceof Number n ? n.longValue() : 0;
            events.accept(CaseEvents.event("STATUS_CHANGED", caseId, userId, changeId, props));
            if (Statuses.CLOSED.equals(row.get("category"))) {
                events.accept(CaseEvents.event("CLOSED", caseId, userId, changeId, Map.of("status", row.get("status"),
                        "statusChangeId", id)));
            }
            jdbi.useHandle(h -> h.createUpdate("UPDATE service_case_status_log SET announced = TRUE WHERE id = :id")
                    .bind("id", id).execute());
        }
    }
}
