package io.mosaic.crm.sdk.record;

import io.mosaic.crm.sdk.event.EventKind;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One committed write of a record, as stored in the change log in the same transaction: who, when,
 * and the field-level values before and after. {@code changeId} is unique and increasing; events
 * carry it (property {@code changeId}) so that consumers can ignore a redelivery.
 */
public record Change(long changeId, String module, String entity, long recordId, EventKind kind, long userId,
        Instant at, int version, Map<String, FieldChange> fields) {

    /** A field's value before and after the write ({@code null} for none). */
    public record FieldChange(Object before, Object after) {}

    public Change {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
