package io.mosaic.crm.sdk.cache;

import java.util.function.Function;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A cache of values by key, kept on the heap, bounded by entries and optionally expiring after a
 * time-to-live since the value was stored. Values are held by reference: cache immutable values.
 * Every method is thread-safe and never throws because of the cache itself (a cache being resized
 * or recreated behaves like a miss).
 */
@ProviderType
public interface NamedCache<K, V> {

    /** The name it was declared with. */
    String name();

    /** The cached value, or {@code null} on a miss. */
    V get(K key);

    /**
     * Cache-aside read: the cached value, or else {@code loader.apply(key)}, stored when it is not
     * {@code null}. An exception of the loader reaches the caller and nothing is stored. A value
     * loaded while {@link #invalidate} ran for the same key is returned but not kept, so a reader
     * that started before a change cannot put the old value back after the change's invalidation.
     */
    V get(K key, Function<? super K, ? extends V> loader);

    /** Stores {@code value} (not {@code null}) under {@code key}. */
    void put(K key, V value);

    /** Forgets {@code key}; call it after the change to the underlying data committed. */
    void invalidate(K key);

    /** Forgets every entry. */
    void invalidateAll();
}
