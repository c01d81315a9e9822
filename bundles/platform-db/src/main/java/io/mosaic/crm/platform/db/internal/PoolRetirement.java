package io.mosaic.crm.platform.db.internal;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes pools that were replaced, once the connections borrowed from them are returned.
 * Closing a Hikari pool at once would abort those connections and the queries running on them.
 */
final class PoolRetirement {
    /** How long running work on a replaced pool may take before its connections are aborted. */
    static final Duration GRACE = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(PoolRetirement.class);
    private static final long POLL_MILLIS = 50;

    private final Map<HikariDataSource, CompletableFuture<Void>> retiring = new ConcurrentHashMap<>();

    /** Stops {@code pool} from keeping idle connections and closes it in the background when it is unused. */
    void retire(HikariDataSource pool) {
        pool.getHikariConfigMXBean().setMinimumIdle(0);
        if (pool.getHikariPoolMXBean() != null) {
            pool.getHikariPoolMXBean().softEvictConnections(); // idle ones close now, busy ones on return
        }
        CompletableFuture<Void> closed = new CompletableFuture<>();
        retiring.put(pool, closed);
        Thread closer = new Thread(() -> {
            try {
                closeWhenUnused(pool);
            } finally {
                retiring.remove(pool);
                closed.complete(null);
            }
        }, "mosaic-db-retire-" + pool.getPoolName());
        closer.setDaemon(true);
        closer.start();
    }

    int pending() {
        return retiring.size();
    }

    CompletableFuture<Void> all() {
        return CompletableFuture.allOf(retiring.values().toArray(CompletableFuture[]::new));
    }

    /** Closes every retiring pool now (the component is going away). */
    void closeAll() {
        retiring.keySet().forEach(HikariDataSource::close);
    }

    private static void closeWhenUnused(HikariDataSource pool) {
        long deadline = System.nanoTime() + GRACE.toNanos();
        try {
            while (!pool.isClosed() && active(pool) > 0 && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int stillActive = pool.isClosed() ? 0 : active(pool);
        if (stillActive > 0) {
            LOG.warn("Closing replaced database pool {} with {} connection(s) still in use after {} s",
                    pool.getPoolName(), stillActive, GRACE.toSeconds());
        }
        pool.close();
        LOG.info("Closed replaced database pool {}", pool.getPoolName());
    }

    private static int active(HikariDataSource pool) {
        return pool.getHikariPoolMXBean() == null ? 0 : pool.getHikariPoolMXBean().getActiveConnections();
    }
}
