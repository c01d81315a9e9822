package io.mosaic.crm.platform.db.internal;

import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The connection pool behind the shared {@link Jdbi}, tunable while it serves. Free of OSGi.
 *
 * <p>What {@link #apply} changes, and when it takes effect (HikariCP 5.1):
 * <ul>
 *   <li>{@code maximumPoolSize} raised: on the next demand; callers already waiting get the new
 *       connections. Lowered: idle connections above it close at once, busy ones when returned
 *       (the pool's connections are soft-evicted, so they are replaced, not dropped).
 *   <li>{@code minimumIdle}: lazy; the pool's housekeeper (every 30 s) opens or retires idle
 *       connections toward it.
 *   <li>{@code connectionTimeoutMillis}: at once for every caller of {@link #dataSource()}.
 *   <li>{@code leakDetectionThresholdMillis}: lazy; the housekeeper picks it up within 30 s.
 *   <li>{@code queryTimeoutSeconds}: every statement of a Jdbi handle opened after the change; with it
 *       the network timeout of connections borrowed after the change: query timeout + connection
 *       timeout (none when the query timeout is 0), the longest a read may wait for a server that
 *       stopped answering.
 *   <li>{@code url}, {@code user}, {@code password}: a new pool is opened (if it cannot connect,
 *       the old one stays and the change is refused); new requests go to it at once, and the old
 *       pool closes when its borrowed connections are back, so no running query is dropped.
 * </ul>
 */
final class MariaDbPool implements AutoCloseable {
    private final SwitchableDataSource dataSource;
    private final PoolRetirement retirement = new PoolRetirement();
    private final Jdbi jdbi;
    private final MetricsTrackerFactory tracker;
    private volatile PoolSettings settings;
    private boolean closed;

    MariaDbPool(PoolSettings settings) {
        this(settings, null);
    }

    /** @param tracker receives every pool's acquire times and timeouts, also of pools opened later; may be null */
    MariaDbPool(PoolSettings settings, MetricsTrackerFactory tracker) {
        this.settings = settings;
        this.tracker = tracker;
        this.dataSource = new SwitchableDataSource(HikariPools.open(settings, tracker), settings.connectionTimeoutMillis());
        this.dataSource.networkTimeout(networkTimeoutMillis(settings));
        this.jdbi = Jdbi.create(dataSource);
        applyQueryTimeout(settings);
    }

    /** The one Jdbi, the same object for the life of this pool. */
    Jdbi jdbi() {
        return jdbi;
    }

    /** The one DataSource, the same object for the life of this pool. */
    DataSource dataSource() {
        return dataSource;
    }

    /** The Hikari pool serving new requests now (it changes when the URL or credentials do). */
    HikariDataSource currentPool() {
        return dataSource.current();
    }

    PoolSettings settings() {
        return settings;
    }

    /**
     * Applies new settings in place (see the class comment for when each takes effect).
     *
     * @throws IllegalStateException if a new pool is needed and cannot connect; the current one stays
     */
    synchronized void apply(PoolSettings next) {
        if (closed) {
            throw new IllegalStateException("the database pool is closed");
        }
        if (next.sameConnectionAs(settings)) {
            retune(dataSource.current(), next);
        } else {
            retirement.retire(dataSource.switchTo(HikariPools.open(next, tracker)));
        }
        dataSource.connectionTimeout(next.connectionTimeoutMillis());
        dataSource.networkTimeout(networkTimeoutMillis(next));
        applyQueryTimeout(next);
        settings = next;
    }

    /** The statement may run {@code queryTimeoutSeconds} on the server; a reply later than that plus the connection timeout will not come. */
    static int networkTimeoutMillis(PoolSettings settings) {
        if (settings.queryTimeoutSeconds() == 0) {
            return 0;
        }
        return (int) Math.min(Integer.MAX_VALUE, settings.queryTimeoutSeconds() * 1000L + settings.connectionTimeoutMillis());
    }

    /** Whether {@code thread} holds a pooled connection inside a transaction. */
    boolean inTransaction(Thread thread) {
        return dataSource.inTransaction(thread);
    }

    /** Live values for {@code RuntimeFacts}: the settings in force and the pool's current usage. */
    Map<String, Object> facts() {
        PoolSettings now = settings;
        HikariDataSource pool = dataSource.current();
        HikariConfigMXBean config = pool.getHikariConfigMXBean();
        HikariPoolMXBean usage = pool.getHikariPoolMXBean();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("url", MariaDbUrl.redacted(now.url()));
        facts.put("user", now.user());
        facts.put("maximumPoolSize", config.getMaximumPoolSize());
        facts.put("minimumIdle", config.getMinimumIdle());
        facts.put("connectionTimeoutMillis", config.getConnectionTimeout());
        facts.put("queryTimeoutSeconds", now.queryTimeoutSeconds());
        facts.put("networkTimeoutMillis", dataSource.networkTimeout());
        facts.put("leakDetectionThresholdMillis", config.getLeakDetectionThreshold());
        facts.put("activeConnections", usage == null ? 0 : usage.getActiveConnections());
        facts.put("idleConnections", usage == null ? 0 : usage.getIdleConnections());
        facts.put("totalConnections", usage == null ? 0 : usage.getTotalConnections());
        facts.put("threadsAwaitingConnection", usage == null ? 0 : usage.getThreadsAwaitingConnection());
        facts.put("retiringPools", retirement.pending());
        return facts;
    }

    /** Completes when every pool replaced so far is closed. */
    CompletableFuture<Void> retirements() {
        return retirement.all();
    }

    /** Closes the current pool and, without waiting for them, any pools still retiring. */
    @Override
    public synchronized void close() {
        closed = true;
        retirement.closeAll();
        dataSource.current().close();
    }

    private static void retune(HikariDataSource pool, PoolSettings next) {
        HikariConfigMXBean config = pool.getHikariConfigMXBean();
        int previousMax = config.getMaximumPoolSize();
        if (next.maximumPoolSize() >= previousMax) {
            config.setMaximumPoolSize(next.maximumPoolSize());
            config.setMinimumIdle(next.minimumIdle());
        } else {
            config.setMinimumIdle(next.minimumIdle());
            config.setMaximumPoolSize(next.maximumPoolSize());
        }
        config.setConnectionTimeout(next.connectionTimeoutMillis());
        config.setValidationTimeout(HikariPools.validationTimeout(next));
        config.setLeakDetectionThreshold(next.leakDetectionThresholdMillis());
        HikariPoolMXBean usage = pool.getHikariPoolMXBean();
        if (usage != null && usage.getTotalConnections() > next.maximumPoolSize()) {
            // Hikari never closes connections above a lowered maximum by itself (only on idle
            // timeout); evicting them all makes it close idle ones now and busy ones on return.
            usage.softEvictConnections();
        }
    }

    private void applyQueryTimeout(PoolSettings next) {
        int seconds = next.queryTimeoutSeconds();
        jdbi.getConfig(SqlStatements.class).setQueryTimeout(seconds == 0 ? null : seconds);
    }
}
