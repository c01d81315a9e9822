package io.mosaic.crm.sdk.record;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads and writes the records of one {@link RecordType} with every rule of the type applied:
 * field checks, hooks, optimistic locking, duplicate detection, change log and events. Get one
 * from {@link Records#store}. Access control is the caller's job (the served routes do it).
 */
@ProviderType
public interface RecordStore {

    RecordType type();

    /** The live record, from the cache when the type is cached. */
    Optional<Record> find(long id);

    /** The live record; 404 {@code not_found} otherwise. */
    Record get(long id);

    /** Live records whose {@code field} equals {@code value} (a declared or standard field), at most {@code limit}. */
    List<Record> findBy(String field, Object value, int limit);

    /** Stores a new record at version 1; {@code ownerId} defaults to {@code userId}. */
    Record create(Values values, long userId);

    /** Applies {@code patch} if the record still has {@code expectedVersion} (412 otherwise). */
    Record update(long id, long expectedVersion, Values patch, long userId);

    /** Soft-deletes the record; checks the version only if one is given. */
    void delete(long id, OptionalLong expectedVersion, long userId);

    /**
     * Soft-deletes the record with options for the hooks ({@link WriteContext#option}), such as the
     * declared {@link RecordType#deleteOptions() delete options} of a request.
     *
     * @since 1.1
     */
    default void delete(long id, OptionalLong expectedVersion, long userId, Map<String, String> options) {
        delete(id, expectedVersion, userId);
    }
}
