package io.mosaic.crm.platform.cache.internal;

/** Told of every hit, miss, put and eviction of one cache (meters listen here). */
interface CacheObserver {
    CacheObserver NONE = new CacheObserver() {
        @Override public void hit() { }
        @Override public void miss() { }
        @Override public void put() { }
        @Override public void evicted() { }
    };

    void hit();

    void miss();

    void put();

    void evicted();
}
