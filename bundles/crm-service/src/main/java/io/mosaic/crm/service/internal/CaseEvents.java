package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.event.CrmEvents;
import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;

/**
 * The case events beyond the record kit's CREATED/UPDATED/DELETED, on topics
 * {@code io/mosaic/crm/service/Case/<KIND>} with the standard properties of {@link CrmEvents}.
 */
final class CaseEvents {
    private CaseEvents() {}

    static String topic(String kind) {
        return "io/mosaic/crm/service/Case/" + kind;
    }

    static Event event(String kind, long caseId, long userId, long changeId, Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(CrmEvents.MODULE, "service");
        props.put(CrmEvents.ENTITY, "Case");
        props.put(CrmEvents.KIND, kind);
        props.put(CrmEvents.ID, caseId);
        props.put(CrmEvents.USER_ID, userId);
        props.put(CrmEvents.CHANGE_ID, changeId);
        return new Event(topic(kind), props);
    }
}
