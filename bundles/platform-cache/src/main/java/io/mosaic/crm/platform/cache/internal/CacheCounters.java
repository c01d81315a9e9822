package io.mosaic.crm.platform.cache.internal;

import java.util.concurrent.atomic.LongAdder;

/**
 * The running totals of one named cache. They outlive the Ehcache instance behind it, which is
 * replaced when the time-to-live changes.
 */
final class CacheCounters {
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private volatile CacheObserver observer = CacheObserver.NONE;

    void hit() {
        hits.increment();
        observer.hit();
    }

    void miss() {
        misses.increment();
        observer.miss();
    }

    void put() {
        puts.increment();
        observer.put();
    }

    void evicted() {
        evictions.increment();
        observer.evicted();
    }

    void observe(CacheObserver next) {
        observer = next == null ? CacheObserver.NONE : next;
    }

    long hits() {
        return hits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long puts() {
        return puts.sum();
    }

    long evictions() {
        return evictions.sum();
    }
}
