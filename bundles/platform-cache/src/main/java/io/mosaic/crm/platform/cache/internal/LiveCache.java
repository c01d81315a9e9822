package io.mosaic.crm.platform.cache.internal;

import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.NamedCache;
import java.util.function.Function;
import org.ehcache.Cache;

/**
 * A named cache as modules see it, in front of an Ehcache instance that may be swapped underneath:
 * a new time-to-live needs a new instance (Ehcache cannot change expiry live), so the new one
 * replaces the old atomically and starts empty. An operation that meets an instance just removed
 * behaves like a miss. A detached cache (its owner went, or it was declared anew) caches nothing.
 *
 * <p>Stale values: a value loaded while its key was invalidated is returned but not stored
 * ({@link InvalidationStamps}).
 */
final class LiveCache<K, V> implements NamedCache<K, V> {
    private record Instance<K, V>(String alias, Cache<K, V> cache) {}

    private final CacheSpec<K, V> spec;
    private final Shelves shelves;
    private final CacheCounters counters = new CacheCounters();
    private final InvalidationStamps stamps = new InvalidationStamps();
    private volatile Owner owner;
    private volatile Instance<K, V> instance;
    private volatile Sizing sizing;
    private int generation;

    LiveCache(CacheSpec<K, V> spec, Owner owner, Sizing sizing, Shelves shelves) {
        this.spec = spec;
        this.owner = owner;
        this.shelves = shelves;
        this.sizing = sizing;
        this.instance = newInstance(sizing);
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public V get(K key) {
        V value = lookup(key);
        if (value == null) {
            counters.miss();
        } else {
            counters.hit();
        }
        return value;
    }

    @Override
    public V get(K key, Function<? super K, ? extends V> loader) {
        V cached = get(key);
        if (cached != null) {
            return cached;
        }
        long stamp = stamps.stamp(key);
        V loaded = loader.apply(key);
        if (loaded != null) {
            stamps.storeIfUnchanged(key, stamp, () -> store(key, loaded));
        }
        return loaded;
    }

    @Override
    public void put(K key, V value) {
        if (value == null) {
            throw new NullPointerException("a cache holds no null values; use invalidate");
        }
        store(key, value);
    }

    @Override
    public void invalidate(K key) {
        stamps.invalidate(key, () -> remove(key));
    }

    @Override
    public void invalidateAll() {
        stamps.invalidateAll();
        Instance<K, V> current = instance;
        if (current != null) {
            try {
                current.cache().clear();
            } catch (IllegalStateException removed) {
                // replaced meanwhile: the new instance started empty
            }
        }
    }

    /** Applies a new size in place, or a new time-to-live by replacing the Ehcache instance. */
    synchronized void apply(Sizing next) {
        Instance<K, V> current = instance;
        if (current == null || next.equals(sizing)) {
            return;
        }
        boolean sameTtl = next.ttl().equals(sizing.ttl());
        sizing = next;
        if (sameTtl) {
            try {
                shelves.resize(current.cache(), next.heapEntries());
                return;
            } catch (RuntimeException refused) {
                // fall through: a fresh instance of the new size
            }
        }
        instance = newInstance(next);
        shelves.remove(current.alias());
    }

    /** Stops caching for good and frees the Ehcache instance; the handle keeps working uncached. */
    synchronized void detach() {
        Instance<K, V> current = instance;
        instance = null;
        if (current != null) {
            shelves.remove(current.alias());
        }
    }

    boolean isDetached() {
        return instance == null;
    }

    CacheSpec<K, V> spec() {
        return spec;
    }

    Owner owner() {
        return owner;
    }

    void owner(Owner next) {
        owner = next;
    }

    CacheCounters counters() {
        return counters;
    }

    Sizing sizing() {
        return sizing;
    }

    CacheStats stats() {
        Instance<K, V> current = instance;
        long size = current == null ? 0 : shelves.mappings(current.alias());
        Sizing s = sizing;
        return new CacheStats(spec.name(), owner.bundleName(), counters.hits(), counters.misses(), counters.puts(),
                counters.evictions(), size, s.heapEntries(), s.ttl().toSeconds());
    }

    private Instance<K, V> newInstance(Sizing s) {
        String alias = spec.name() + "#" + (++generation);
        return new Instance<>(alias, shelves.create(alias, spec.keyType(), spec.valueType(), s, counters::evicted));
    }

    private V lookup(K key) {
        Instance<K, V> current = instance;
        if (current == null) {
            return null;
        }
        try {
            return current.cache().get(key);
        } catch (IllegalStateException removed) {
            return null;
        }
    }

    private void store(K key, V value) {
        Instance<K, V> current = instance;
        if (current == null) {
            return;
        }
        try {
            current.cache().put(key, value);
            counters.put();
        } catch (IllegalStateException removed) {
            // replaced meanwhile; the value will be loaded again
        }
    }

    private void remove(K key) {
        Instance<K, V> current = instance;
        if (current == null) {
            return;
        }
        try {
            current.cache().remove(key);
        } catch (IllegalStateException removed) {
            // replaced meanwhile: the new instance never held the key
        }
    }
}
