package io.mosaic.crm.sdk.record;

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

    /** Runs after the transaction committed, before the write is answered; must not fail the write. */
    default void afterCommit(Change change) {}
}
