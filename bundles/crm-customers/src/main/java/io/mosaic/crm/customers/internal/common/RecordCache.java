package io.mosaic.crm.customers.internal.common;

import io.mosaic.crm.sdk.cache.NamedCache;
import java.util.function.LongFunction;

/**
 * Records by id, cache-aside, in a platform cache when platform-cache is there and straight from
 * the database when it is not (or went away): the module works the same either way.
 */
public final class RecordCache<T> {
    private volatile NamedCache<Long, T> cache;

    /** A cache that passes every read to the loader until {@link #use} gives it a platform cache. */
    public static <T> RecordCache<T> uncached() {
        return new RecordCache<>();
    }

    /** The record from the cache, or from {@code loader}; a loader's exception (not found) is not cached. */
    public T get(long id, LongFunction<T> loader) {
        NamedCache<Long, T> current = cache;
        return current == null ? loader.apply(id) : current.get(id, loader::apply);
    }

    /** Forgets the record; called after its change committed, before the change is answered. */
    public void invalidate(long id) {
        NamedCache<Long, T> current = cache;
        if (current != null) {
            current.invalidate(id);
        }
    }

    /** Caches in {@code next} from now on; {@code null} stops caching. */
    public void use(NamedCache<Long, T> next) {
        cache = next;
    }
}
