package io.mosaic.examples.loyalty;

import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.Caches;
import io.mosaic.crm.sdk.cache.NamedCache;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongUnaryOperator;

/**
 * Balances by account id, cache-aside. Uses the platform's named cache {@code loyalty.balances}
 * (sized and retuned by operators like every other cache) when the platform offers caches, and a
 * small bounded map of its own otherwise. Writers invalidate after their transaction committed.
 */
final class BalanceCache {
    static final String NAME = "loyalty.balances";
    private final NamedCache<Long, Long> shared;
    private final Map<Long, Long> local;

    private BalanceCache(NamedCache<Long, Long> shared, Map<Long, Long> local) {
        this.shared = shared;
        this.local = local;
    }

    /** The platform cache when {@code caches} is there, else a local one of {@code entries}. */
    static BalanceCache of(Caches caches, long entries) {
        if (caches != null) {
            return new BalanceCache(caches.declare(CacheSpec.of(NAME, Long.class, Long.class).heapEntries(entries)), null);
        }
        int bound = (int) Math.min(entries, 100_000);
        return new BalanceCache(null, new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
                return size() > bound;
            }
        });
    }

    /** The cached balance, or else the loaded one (then cached). */
    long get(long accountId, LongUnaryOperator loader, Runnable onMiss) {
        if (shared != null) {
            return shared.get(accountId, id -> {
                onMiss.run();
                return loader.applyAsLong(id);
            });
        }
        synchronized (local) {
            Long cached = local.get(accountId);
            if (cached != null) {
                return cached;
            }
        }
        onMiss.run();
        long loaded = loader.applyAsLong(accountId);
        synchronized (local) {
            local.put(accountId, loaded);
        }
        return loaded;
    }

    void invalidate(long accountId) {
        if (shared != null) {
            shared.invalidate(accountId);
        } else {
            synchronized (local) {
                local.remove(accountId);
            }
        }
    }

    boolean isShared() {
        return shared != null;
    }
}
