package io.mosaic.crm.platform.db.internal.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The database's metrics, recorded while the optional {@link MetricRegistry} service is bound:
 * <ul>
 *   <li>{@code db.pool.active|idle|pending|total|max} gauges, read from whichever Hikari pool is
 *       current, so a pool swapped for a new URL is followed at once;
 *   <li>{@code db.pool.acquire} timer and {@code db.pool.timeouts} meter, fed by Hikari itself
 *       through the {@link #trackerFactory()} every pool is opened with;
 *   <li>{@code db.query;name=...} timers and the {@code db.query.slow} meter, fed by {@link QueryTimer}.
 * </ul>
 */
public final class DbMetrics {
    private static final Map<String, Function<HikariPoolMXBean, Integer>> POOL = Map.of(
            "db.pool.active", HikariPoolMXBean::getActiveConnections,
            "db.pool.idle", HikariPoolMXBean::getIdleConnections,
            "db.pool.pending", HikariPoolMXBean::getThreadsAwaitingConnection,
            "db.pool.total", HikariPoolMXBean::getTotalConnections);
    private static final String MAX = "db.pool.max";

    private final Supplier<HikariDataSource> currentPool;
    private volatile Recorder recorder;
    private MetricRegistry bound;

    public DbMetrics(Supplier<HikariDataSource> currentPool) {
        this.currentPool = currentPool;
    }

    /** What records into one bound registry. */
    public static final class Recorder {
        private final MetricRegistry registry;
        private final Timer acquire;
        private final Meter timeouts;
        private final Meter slow;
        private final ConcurrentMap<String, Timer> queries = new ConcurrentHashMap<>();

        Recorder(MetricRegistry registry) {
            this.registry = registry;
            this.acquire = registry.timer("db.pool.acquire", DbMetrics::lockFreeTimer);
            this.timeouts = registry.meter("db.pool.timeouts");
            this.slow = registry.meter("db.query.slow");
        }

        void query(String name, long nanos, boolean wasSlow) {
            Timer timer = queries.get(name);
            if (timer == null) {
                timer = queries.computeIfAbsent(name, n -> registry.timer("db.query;name=" + n, DbMetrics::lockFreeTimer));
            }
            timer.update(nanos, TimeUnit.NANOSECONDS);
            if (wasSlow) {
                slow.mark();
            }
        }
    }

    Recorder recorder() {
        return recorder;
    }

    public synchronized void bind(MetricRegistry registry) {
        if (bound != null) {
            unbind(bound);
        }
        POOL.forEach((name, read) -> gauge(registry, name, () -> {
            HikariPoolMXBean usage = currentPool.get().getHikariPoolMXBean();
            return usage == null ? 0 : read.apply(usage);
        }));
        gauge(registry, MAX, () -> currentPool.get().getHikariConfigMXBean().getMaximumPoolSize());
        bound = registry;
        recorder = new Recorder(registry);
    }

    public synchronized void unbind(MetricRegistry registry) {
        if (registry != bound) {
            return;
        }
        recorder = null;
        bound = null;
        registry.removeMatching((name, metric) -> name.startsWith("db.pool.") || name.startsWith("db.query"));
    }

    /** Give every Hikari pool this factory: its trackers report to whichever registry is bound. */
    public MetricsTrackerFactory trackerFactory() {
        return (poolName, stats) -> new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                Recorder r = recorder;
                if (r != null) {
                    r.acquire.update(nanos, TimeUnit.NANOSECONDS);
                }
            }

            @Override
            public void recordConnectionTimeout() {
                Recorder r = recorder;
                if (r != null) {
                    r.timeouts.mark();
                }
            }
        };
    }

    private static void gauge(MetricRegistry registry, String name, Gauge<Integer> gauge) {
        registry.remove(name);
        registry.register(name, gauge);
    }

    private static Timer lockFreeTimer() {
        return new Timer(LockFreeExponentiallyDecayingReservoir.builder().build());
    }
}
