package io.mosaic.crm.platform.cache.internal;

import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.NamedCache;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every named cache of the platform, by name: who declared it, the operator's overrides of its
 * size and time-to-live (which may arrive before or after the declaration), and who watches caches
 * come and go (meters). One Ehcache manager behind them all.
 */
@Component(service = CacheHouse.class)
public final class CacheHouse {
    private static final Logger LOG = LoggerFactory.getLogger(CacheHouse.class);

    /** Told when a cache appears or goes; called under the house's lock, so keep it short. */
    interface Watcher {
        void added(LiveCache<?, ?> cache);

        void removed(LiveCache<?, ?> cache);
    }

    private final Shelves shelves;
    private final Map<String, LiveCache<?, ?>> caches = new ConcurrentHashMap<>();
    private final Map<String, Sizing.Overrides> overrides = new ConcurrentHashMap<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    @Activate
    public CacheHouse() {
        this(new Shelves());
    }

    CacheHouse(Shelves shelves) {
        this.shelves = shelves;
    }

    /** The owner's cache of that name: the one it declared before with the same types, or a new one. */
    @SuppressWarnings("unchecked")
    synchronized <K, V> NamedCache<K, V> declare(CacheSpec<K, V> spec, Owner owner) {
        LiveCache<?, ?> existing = caches.get(spec.name());
        if (existing != null) {
            CacheSpec<?, ?> old = existing.spec();
            if (existing.owner().bundleId() == owner.bundleId() && old.keyType() == spec.keyType()
                    && old.valueType() == spec.valueType()) {
                existing.owner(owner);
                return (NamedCache<K, V>) existing;
            }
            LOG.info("cache {} of {} is replaced by a new declaration of {}", spec.name(),
                    existing.owner().bundleName(), owner.bundleName());
            drop(existing);
        }
        Sizing sizing = new Sizing(spec.heapEntries(), spec.ttl()).with(overrides.get(spec.name()));
        LiveCache<K, V> cache = new LiveCache<>(spec, owner, sizing, shelves);
        caches.put(spec.name(), cache);
        watchers.forEach(w -> w.added(cache));
        LOG.info("cache {} declared by {}: {} heap entries, ttl {} s", spec.name(), owner.bundleName(),
                sizing.heapEntries(), sizing.ttl().toSeconds());
        return cache;
    }

    /** Removes the cache if {@code owner} still holds it (its bundle stopped or released the service). */
    synchronized void release(String name, Owner owner) {
        LiveCache<?, ?> cache = caches.get(name);
        if (cache != null && cache.owner() == owner) {
            drop(cache);
            LOG.info("cache {} of {} removed", name, owner.bundleName());
        }
    }

    /** Sets (or, with {@code null}, clears) the operator's values for cache {@code name}; applied at once. */
    synchronized void override(String name, Sizing.Overrides values) {
        if (values == null) {
            overrides.remove(name);
        } else {
            overrides.put(name, values);
        }
        LiveCache<?, ?> cache = caches.get(name);
        if (cache != null) {
            CacheSpec<?, ?> spec = cache.spec();
            cache.apply(new Sizing(spec.heapEntries(), spec.ttl()).with(values));
        }
    }

    List<CacheStats> stats() {
        return caches.values().stream().map(LiveCache::stats)
                .sorted(java.util.Comparator.comparing(CacheStats::name)).toList();
    }

    synchronized void watch(Watcher watcher) {
        watchers.add(watcher);
        caches.values().forEach(watcher::added);
    }

    synchronized void unwatch(Watcher watcher) {
        watchers.remove(watcher);
        caches.values().forEach(watcher::removed);
    }

    @Deactivate
    synchronized void close() {
        caches.values().forEach(this::drop);
        shelves.close();
    }

    private void drop(LiveCache<?, ?> cache) {
        caches.remove(cache.name(), cache);
        cache.detach();
        watchers.forEach(w -> w.removed(cache));
    }
}
