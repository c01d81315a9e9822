package io.mosaic.crm.platform.db.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.mariadb.jdbc.MariaDbDataSource;

/** Opens HikariCP pools over MariaDB Connector/J. */
final class HikariPools {
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private HikariPools() {
    }

    /**
     * Opens a pool and makes its first connection, so bad URLs or credentials fail here.
     * Hikari gets a {@link MariaDbDataSource} instance, never only a JDBC URL: in OSGi,
     * {@code DriverManager} cannot see the driver ("No suitable driver").
     *
     * @throws IllegalStateException if the URL is invalid or the server cannot be reached
     */
    static HikariDataSource open(PoolSettings settings) {
        return open(settings, null);
    }

    /** As {@link #open(PoolSettings)}, with Hikari reporting acquire times and timeouts to {@code tracker} (if not null). */
    static HikariDataSource open(PoolSettings settings, MetricsTrackerFactory tracker) {
        String shownUrl = MariaDbUrl.redacted(settings.url());
        MariaDbDataSource mariaDb;
        try {
            mariaDb = new MariaDbDataSource(MariaDbUrl.withDefaults(settings.url()));
            if (!settings.user().isEmpty()) {
                mariaDb.setUser(settings.user());
            }
            if (!settings.password().isEmpty()) {
                mariaDb.setPassword(settings.password());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("invalid database URL " + shownUrl + ": " + e.getMessage(), e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("mosaic-db-" + NUMBER.incrementAndGet());
        config.setDataSource(mariaDb);
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(settings.minimumIdle());
        config.setConnectionTimeout(settings.connectionTimeoutMillis());
        config.setValidationTimeout(validationTimeout(settings));
        config.setLeakDetectionThreshold(settings.leakDetectionThresholdMillis());
        config.setRegisterMbeans(false); // we read the pool's MXBean directly; no JMX names to clash on a swap
        if (tracker != null) {
            config.setMetricsTrackerFactory(tracker);
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IllegalStateException("cannot connect to " + shownUrl + " as '" + settings.user() + "': "
                    + cause.getMessage(), e);
        }
    }

    /** Hikari wants the validation timeout below the connection timeout. */
    static long validationTimeout(PoolSettings settings) {
        return Math.min(5000, Math.max(250, settings.connectionTimeoutMillis() - 100));
    }
}
