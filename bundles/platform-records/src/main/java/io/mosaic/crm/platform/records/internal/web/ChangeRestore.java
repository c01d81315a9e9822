package io.mosaic.crm.platform.records.internal.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.platform.records.internal.store.ChangeLog;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.RecordType;
import org.jdbi.v3.core.Jdbi;

/**
 * Undoes one update from the change log: the fields it changed get their values from before it,
 * written as a normal update of the record's current version (hooks, history and events apply).
 */
public final class ChangeRestore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeRestore() {}

    public static void restore(Jdbi jdbi, RecordStore store, long id, long changeId, long userId) {
        RecordType type = store.type();
        Change change = jdbi.withHandle(h -> ChangeLog.one(h, type.module(), type.entity(), id, changeId))
                .orElseThrow(() -> new NotFoundException("change", changeId));
        Record current = store.get(id);
        ObjectNode patch = JSON.createObjectNode();
        change.fields().forEach((field, values) -> {
            boolean writable = field.equals("ownerId") || type.field(field).map(f -> f.isWritable()).orElse(false);
            if (writable) {
                patch.set(field, JSON.valueToTree(values.before()));
            }
        });
        if (!patch.isEmpty()) {
            store.update(id, current.version(), ValuesReader.read(type, patch), userId);
        }
    }
}
