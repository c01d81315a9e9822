package io.mosaic.crm.sdk.record;

import io.mosaic.crm.sdk.event.EventKind;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A write in progress, as {@link RecordHooks} see it: inside the write's transaction, after the
 * record is locked and the fields passed their declared checks.
 */
@ProviderType
public interface WriteContext {

    enum Operation { CREATE, UPDATE, DELETE }

    Operation operation();

    RecordType type();

    /** The record as stored before the write; empty for a create. */
    Optional<Record> before();

    /** The values the record will have (the patch applied); for a delete, the current values. */
    Values values();

    /** Whether the write changes {@code field} (a create: whether it gives a non-null value). */
    boolean changes(String field);

    /** Sets a value to store, e.g. a derived or read-only field; checked like the declared ones are not. */
    void set(String field, Object value);

    /** The owner the record will have. */
    long ownerId();

    /** Who writes. */
    long userId();

    /** The transaction's handle, for reads (and writes of the module's own tables) in the same transaction. */
    Handle handle();

    /**
     * Also announces this write as {@code kind} (say {@link EventKind#STAGE_CHANGED}): a second
     * change row of that kind, with the same field changes, is stored in the transaction and posted
     * as its own event {@code io/mosaic/crm/<module>/<Entity>/<kind>} after commit, next to the
     * write's own CREATED, UPDATED or DELETED.
     *
     * @since 1.1
     */
    void announce(EventKind kind);

    /**
     * An option of the write, such as a declared {@link RecordType#deleteOptions() delete option}
     * given in the request ({@code ?cascade=true}); empty when not given.
     *
     * @since 1.1
     */
    default Optional<String> option(String name) {
        return Optional.empty();
    }

    /** Reports a problem with a field; the write fails with 422 naming every problem reported. */
    void problem(String field, String problem);
}
