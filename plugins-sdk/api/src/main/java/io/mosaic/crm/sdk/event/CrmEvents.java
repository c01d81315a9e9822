package io.mosaic.crm.sdk.event;

import java.util.HashMap;
import java.util.Map;
import org.osgi.service.event.Event;

/**
 * Builds the EventAdmin events that modules post after a change commits. Topics follow
 * {@code io/mosaic/crm/<module>/<Entity>/<KIND>}, e.g. {@code io/mosaic/crm/customers/Account/CREATED};
 * listeners subscribe to {@code io/mosaic/crm/customers/*} or a single topic.
 */
public final class CrmEvents {
    public static final String MODULE = "module";
    public static final String ENTITY = "entity";
    public static final String KIND = "kind";
    public static final String ID = "id";
    public static final String USER_ID = "userId";
    /** The id of the change-log row behind a record event: unique, so consumers can skip a redelivery. */
    public static final String CHANGE_ID = "changeId";

    private CrmEvents() {}

    public static String topic(String module, String entity, EventKind kind) {
        return "io/mosaic/crm/" + module + "/" + entity + "/" + kind.name();
    }

    /** An event about record {@code id}; {@code extra} adds properties (may be empty). */
    public static Event event(String module, String entity, EventKind kind, long id, long userId, Map<String, ?> extra) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(MODULE, module);
        props.put(ENTITY, entity);
        props.put(KIND, kind.name());
        props.put(ID, id);
        props.put(USER_ID, userId);
        return new Event(topic(module, entity, kind), props);
    }
}
