package io.mosaic.crm.platform.db.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The pool's connections in use, by the thread that borrowed them. Entries are dropped lazily: a
 * connection given back to the pool reports {@code isClosed()} (HikariCP's proxy), so each borrow
 * and each question prunes what was returned; threads that ended are forgotten every few thousand
 * borrows. At most one small list per live thread that borrowed.
 */
final class BorrowedConnections {
    private static final int PRUNE_EVERY = 4096;
    private final Map<Thread, List<Connection>> byThread = new ConcurrentHashMap<>();
    private final AtomicInteger borrows = new AtomicInteger();

    void borrowed(Connection connection) {
        if (borrows.incrementAndGet() % PRUNE_EVERY == 0) {
            byThread.keySet().removeIf(thread -> !thread.isAlive()); // threads of a shrinking pool end
        }
        List<Connection> held = byThread.computeIfAbsent(Thread.currentThread(), t -> new CopyOnWriteArrayList<>());
        held.removeIf(BorrowedConnections::returned);
        held.add(connection);
    }

    /** Whether the thread holds a connection with auto-commit off: a transaction whose outcome is open. */
    boolean inTransaction(Thread thread) {
        List<Connection> held = byThread.get(thread);
        if (held == null) {
            return false;
        }
        for (Connection c : held) {
            if (!returned(c) && !autoCommit(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean returned(Connection c) {
        try {
            return c.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** Read from the driver's own state, no round trip; a broken connection counts as not in a transaction. */
    private static boolean autoCommit(Connection c) {
        try {
            return c.getAutoCommit();
        } catch (SQLException e) {
            return true;
        }
    }
}
