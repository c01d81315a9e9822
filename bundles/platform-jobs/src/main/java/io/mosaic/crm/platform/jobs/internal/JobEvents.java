package io.mosaic.crm.platform.jobs.internal;

import io.mosaic.crm.sdk.event.CrmEvents;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.service.event.Event;

/**
 * The events of import jobs. An import announces each committed batch once, on
 * {@code io/mosaic/crm/<module>/<Entity>/IMPORTED}, with the ids it created ({@code ids}, a
 * {@code long[]}), the job and the user — not one CREATED event per record, so that a million rows
 * do not become a million events. Each record still has its CREATED change row (history).
 * Revert announces {@code REVERTED} the same way.
 */
final class JobEvents {
    static final String IMPORTED = "IMPORTED";
    static final String REVERTED = "REVERTED";

    private JobEvents() {}

    static Event imported(Job job, RecordType type, List<Long> ids) {
        return batch(job, type, ids, IMPORTED);
    }

    static Event reverted(Job job, RecordType type, List<Long> ids) {
        return batch(job, type, ids, REVERTED);
    }

    private static Event batch(Job job, RecordType type, List<Long> ids, String kind) {
        String module = type == null ? job.entity().split("\\.")[0] : type.module();
        String entity = type == null ? job.entity() : type.entity();
        Map<String, Object> properties = new HashMap<>();
        properties.put(CrmEvents.MODULE, module);
        properties.put(CrmEvents.ENTITY, entity);
        properties.put(CrmEvents.KIND, kind);
        properties.put(CrmEvents.USER_ID, job.userId());
        properties.put("jobId", job.id());
        properties.put("ids", ids.stream().mapToLong(Long::longValue).toArray());
        return new Event("io/mosaic/crm/" + module + "/" + entity + "/" + kind, properties);
    }
}
