package io.mosaic.crm.platform.cache.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Meters and gauges of every cache in platform-monitoring's registry:
 * {@code cache.hits|misses|puts|evictions;cache=<name>} (meters) and
 * {@code cache.size|capacity;cache=<name>} (gauges). A component of its own, active only while a
 * {@link MetricRegistry} is registered, so the caches work the same without monitoring.
 */
@Component(service = {})
public final class CacheMeters implements CacheHouse.Watcher {
    private static final List<String> METERS = List.of("hits", "misses", "puts", "evictions");
    private final MetricRegistry registry;
    private final CacheHouse house;

    @Activate
    public CacheMeters(@Reference MetricRegistry registry, @Reference CacheHouse house) {
        this.registry = registry;
        this.house = house;
        house.watch(this);
    }

    @Deactivate
    void close() {
        house.unwatch(this);
    }

    @Override
    public void added(LiveCache<?, ?> cache) {
        String label = ";cache=" + cache.name();
        CacheCounters counters = cache.counters();
        Meter hits = meter("cache.hits" + label);
        Meter misses = meter("cache.misses" + label);
        Meter puts = meter("cache.puts" + label);
        Meter evictions = meter("cache.evictions" + label);
        registry.gauge("cache.size" + label, () -> (Gauge<Long>) () -> cache.stats().size());
        registry.gauge("cache.capacity" + label, () -> (Gauge<Long>) () -> cache.sizing().heapEntries());
        counters.observe(new CacheObserver() {
            @Override public void hit() { hits.mark(); }
            @Override public void miss() { misses.mark(); }
            @Override public void put() { puts.mark(); }
            @Override public void evicted() { evictions.mark(); }
        });
    }

    @Override
    public void removed(LiveCache<?, ?> cache) {
        cache.counters().observe(null);
        String label = ";cache=" + cache.name();
        METERS.forEach(m -> registry.remove("cache." + m + label));
        registry.remove("cache.size" + label);
        registry.remove("cache.capacity" + label);
    }

    /** A fresh meter: counts from now on (the runtime facts keep the totals since the cache was declared). */
    private Meter meter(String name) {
        registry.remove(name);
        return registry.meter(name);
    }
}
