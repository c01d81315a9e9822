package io.mosaic.crm.platform.db.internal;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Objects;
import java.util.concurrent.Executor;
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
 *
 * <p>Every borrowed connection gets a network timeout (the longest a read from the server may
 * wait), so that a server that stops answering (stalled, or gone without closing its sockets)
 * cannot hold a request forever; and it is remembered by thread, for {@link #inTransaction}.
 */
final class SwitchableDataSource implements DataSource {
    private static final Executor SAME_THREAD = Runnable::run; // Connector/J only checks it is not null
    private final AtomicReference<HikariDataSource> current;
    private final BorrowedConnections borrowed = new BorrowedConnections();
    private volatile long connectionTimeoutMillis;
    private volatile int networkTimeoutMillis;

    SwitchableDataSource(HikariDataSource initial, long connectionTimeoutMillis) {
        current = new AtomicReference<>(Objects.requireNonNull(initial));
        this.connectionTimeoutMillis = connectionTimeoutMillis;
    }

    void connectionTimeout(long millis) {
        connectionTimeoutMillis = millis;
    }

    /** The network timeout of connections borrowed from now on; 0 for none. */
    void networkTimeout(int millis) {
        networkTimeoutMillis = millis;
    }

    int networkTimeout() {
        return networkTimeoutMillis;
    }

    /** Whether {@code thread} holds a connection of this data source with auto-commit off. */
    boolean inTransaction(Thread thread) {
        return borrowed.inTransaction(thread);
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
        Connection connection = hikari.getConnection(connectionTimeoutMillis);
        int network = networkTimeoutMillis;
        if (network > 0) {
            try {
                connection.setNetworkTimeout(SAME_THREAD, network); // Hikari restores its own value on return
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }
        borrowed.borrowed(connection);
        return connection;
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
