package io.mosaic.crm.platform.cache.internal;

import org.ehcache.Cache;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheEventListenerConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ExpiryPolicyBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.config.units.EntryUnit;
import org.ehcache.core.spi.service.StatisticsService;
import org.ehcache.core.statistics.TierStatistics;
import org.ehcache.event.EventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ehcache side: one {@link CacheManager} holding heap-only caches, created, resized and
 * removed by alias. Entries are held by reference (no copies, no serialization).
 */
final class Shelves implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Shelves.class);
    // not exported by the Ehcache bundle, but documented as the way to read statistics; loaded by its own class loader
    private static final String STATISTICS = "org.ehcache.core.internal.statistics.DefaultStatisticsService";

    private final StatisticsService statistics = statistics();
    private final CacheManager manager;

    Shelves() {
        CacheManagerBuilder<CacheManager> builder = CacheManagerBuilder.newCacheManagerBuilder();
        manager = (statistics == null ? builder : builder.using(statistics)).build(true);
    }

    <K, V> Cache<K, V> create(String alias, Class<K> keyType, Class<V> valueType, Sizing sizing, Runnable onEviction) {
        var evictions = CacheEventListenerConfigurationBuilder
                .newEventListenerConfiguration(event -> onEviction.run(), EventType.EVICTED)
                .synchronous().unordered();
        var config = CacheConfigurationBuilder
                .newCacheConfigurationBuilder(keyType, valueType, heap(sizing.heapEntries()))
                .withExpiry(sizing.ttl().isZero() ? ExpiryPolicyBuilder.noExpiration()
                        : ExpiryPolicyBuilder.timeToLiveExpiration(sizing.ttl()))
                .withService(evictions);
        return manager.createCache(alias, config);
    }

    /** Changes the capacity in place; shrinking is lazy (entries over it go as new ones come in). */
    void resize(Cache<?, ?> cache, long heapEntries) {
        cache.getRuntimeConfiguration().updateResourcePools(heap(heapEntries).build());
    }

    void remove(String alias) {
        try {
            manager.removeCache(alias);
        } catch (RuntimeException e) {
            LOG.warn("removing cache {} failed", alias, e);
        }
    }

    /** The entries the cache holds (expired ones until they are found out), or -1 if unknown. */
    long mappings(String alias) {
        if (statistics == null) {
            return -1;
        }
        try {
            TierStatistics heap = statistics.getCacheStatistics(alias).getTierStatistics().get("OnHeap");
            return heap == null ? -1 : heap.getMappings();
        } catch (RuntimeException gone) {
            return -1;
        }
    }

    @Override
    public void close() {
        manager.close();
    }

    private static ResourcePoolsBuilder heap(long entries) {
        return ResourcePoolsBuilder.newResourcePoolsBuilder().heap(entries, EntryUnit.ENTRIES);
    }

    private static StatisticsService statistics() {
        try {
            return (StatisticsService) Class.forName(STATISTICS, true, CacheManager.class.getClassLoader())
                    .getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
            LOG.warn("Ehcache statistics are not available; cache sizes will show as -1: {}", e.toString());
            return null;
        }
    }
}
