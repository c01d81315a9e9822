package io.mosaic.crm.sdk.record;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * The domain rules of a record type, beyond its fields' declared checks: "a contact's account must
 * exist", "an opportunity moves only to allowed stages". All methods are optional.
 */
@ConsumerType
public interface RecordHooks {

    /**
     * Checks a create, update or delete, in its transaction: report problems with
     * {@link WriteContext#problem} (422), throw a {@link io.mosaic.crm.sdk.error.CrmException} for
     * other refusals (409 …), or {@link WriteContext#set} derived values.
     */
    default void validate(WriteContext write) {}

    /** Runs after validation, just before the row is written, in the same transaction (side tables). */
    default void beforeWrite(WriteContext write) {}

    /**
     * Runs after the row and its change row were written, in the same transaction: {@code written}
     * is the record as stored, with its id (for a delete, as it was). The place for side tables
     * that need the id of a new record, such as a history row; a failure rolls the write back.
     *
     * @since 1.1
     */
    default void afterWrite(WriteContext write, Record written) {}

    /**
     * The JSON a record is shown as, by the served routes (create, get, patch, list): add
     * properties computed at read time to {@code json} (the record's {@link Record#toJson} form,
     * mutable) and return it. Must be quick and must not write. Since 1.1.
     */
    default Map<String, Object> present(Record record, Map<String, Object> json) {
        return json;
    }

    /** Runs after the transaction committed, before the write is answered; must not fail the write. */
    default void afterCommit(Change change) {}
}
