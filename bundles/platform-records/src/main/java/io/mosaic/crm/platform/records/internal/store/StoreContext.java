package io.mosaic.crm.platform.records.internal.store;

import io.mosaic.crm.sdk.cache.NamedCache;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jdbi.v3.core.Jdbi;

/**
 * What every store shares: the database and the thread's transaction, the running record types (to check references), where
 * committed changes go (the outbox), the by-id cache of a type, the clock, and write timings.
 */
public record StoreContext(Jdbi jdbi, Function<String, Optional<RecordType>> types, Consumer<Change> committed,
        Function<RecordType, NamedCache<Long, Record>> cache, Clock clock, WriteTimer timer, Transactions transactions) {

    public StoreContext(Jdbi jdbi, Function<String, Optional<RecordType>> types, Consumer<Change> committed,
            Function<RecordType, NamedCache<Long, Record>> cache, Clock clock, WriteTimer timer) {
        this(jdbi, types, committed, cache, clock, timer, new Transactions(jdbi));
    }

    /** Records how long a write took, and whether it failed. */
    @FunctionalInterface
    public interface WriteTimer {
        void record(RecordType type, String operation, long nanos, boolean failed);
    }
}
