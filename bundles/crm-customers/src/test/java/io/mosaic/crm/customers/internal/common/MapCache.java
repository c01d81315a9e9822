package io.mosaic.crm.customers.internal.common;

import io.mosaic.crm.sdk.cache.NamedCache;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** A plain map behind the SDK cache interface, counting loads: enough to test what the services cache. */
public final class MapCache<V> implements NamedCache<Long, V> {
    public final Map<Long, V> entries = new ConcurrentHashMap<>();
    public int loads;

    @Override
    public String name() {
        return "test";
    }

    @Override
    public V get(Long key) {
        return entries.get(key);
    }

    @Override
    public V get(Long key, Function<? super Long, ? extends V> loader) {
        V cached = entries.get(key);
        if (cached != null) {
            return cached;
        }
        loads++;
        V loaded = loader.apply(key);
        if (loaded != null) {
            entries.put(key, loaded);
        }
        return loaded;
    }

    @Override
    public void put(Long key, V value) {
        entries.put(key, value);
    }

    @Override
    public void invalidate(Long key) {
        entries.remove(key);
    }

    @Override
    public void invalidateAll() {
        entries.clear();
    }
}
