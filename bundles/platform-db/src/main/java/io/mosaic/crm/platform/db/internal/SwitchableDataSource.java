package io.mosaic.crm.platform.db.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The one {@link DataSource} the shared Jdbi is built on. It hands out connections of the current
 * pool, which can be replaced atomically (new URL or credentials) while this object, and so the
 * Jdbi over it, stays the same for the life of the component.
 *
 * <p>It also applies the connection timeout itself on every borrow: HikariCP 5.1 copies a changed
 * {@code connectionTimeout} into the running pool only when its housekeeper next runs (≤ 30 s).
 */
final class SwitchableDataSource implements DataSource {
    private final AtomicReference<HikariDataSource> current;
    private volatile long connectionTimeoutMillis;

    SwitchableDataSource(HikariDataSource initial, long connectionTimeoutMillis) {
        current = new AtomicReference<>(Objects.requireNonNull(initial));
        this.connectionTimeoutMillis = connectionTimeoutMillis;
    }

    void connectionTimeout(long millis) {
        connectionTimeoutMillis = millis;
    }

    HikariDataSource current() {
        return current.get();
    }

    /** Routes new connection requests to {@code next}; returns the pool that served them until now. */
    HikariDataSource switchTo(HikariDataSource next) {
        return current.getAndSet(Objects.requireNonNull(next));
    }

    @Override
    public Connection getConnection() throws SQLException {
        HikariDataSource pool = current.get();
        try {
            return borrow(pool);
        } catch (SQLException e) {
            // The pool may have been retired and closed between reading it and borrowing from it.
            HikariDataSource now = current.get();
            if (now != pool && pool.isClosed()) {
                return borrow(now);
            }
            throw e;
        }
    }

    private Connection borrow(HikariDataSource pool) throws SQLException {
        if (pool.isClosed() || !(pool.getHikariPoolMXBean() instanceof HikariPool hikari)) {
            return pool.getConnection(); // fails with Hikari's own "has been closed" message
        }
        return hikari.getConnection(connectionTimeoutMillis);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's credentials are configured in io.mosaic.crm.db");
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return current.get().getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        current.get().setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        current.get().setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return current.get().getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return current.get().getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return current.get().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || current.get().isWrapperFor(type);
    }
}
