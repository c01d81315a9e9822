package io.mosaic.crm.platform.cache.internal;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Keeps a loader from putting back a value that an invalidation made stale. Keys fall into
 * stripes; an invalidation bumps its stripe's stamp and removes the key under the stripe's lock,
 * and a loaded value is stored, under the same lock, only if the stamp did not move since the load
 * began. So once {@link #invalidate} returned, no value read before it can appear. Hits take no lock.
 */
final class InvalidationStamps {
    private static final int STRIPES = 64;
    private final AtomicLongArray stamps = new AtomicLongArray(STRIPES);
    private final Object[] locks = new Object[STRIPES];

    InvalidationStamps() {
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Read before loading; hand it to {@link #storeIfUnchanged}. */
    long stamp(Object key) {
        return stamps.get(stripe(key));
    }

    /** Runs {@code store} unless {@code key} was invalidated since {@code stamp} was read. */
    void storeIfUnchanged(Object key, long stamp, Runnable store) {
        int stripe = stripe(key);
        synchronized (locks[stripe]) {
            if (stamps.get(stripe) == stamp) {
                store.run();
            }
        }
    }

    /** Bumps the key's stamp and runs {@code remove}, atomically with respect to stores. */
    void invalidate(Object key, Runnable remove) {
        int stripe = stripe(key);
        synchronized (locks[stripe]) {
            stamps.incrementAndGet(stripe);
            remove.run();
        }
    }

    /** Bumps every stamp: loads under way are not stored. Clear the cache after this. */
    void invalidateAll() {
        for (int i = 0; i < STRIPES; i++) {
            synchronized (locks[i]) {
                stamps.incrementAndGet(i);
            }
        }
    }

    private static int stripe(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (STRIPES - 1);
    }
}
