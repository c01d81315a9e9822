package io.mosaic.crm.platform.records.internal.store;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The transaction of the record writes of the current thread. The first write (or an explicit
 * {@link #inTransaction}) opens it; every store write made on the same thread inside it joins it,
 * and their after-commit steps wait until the outermost transaction committed (and are dropped when
 * it rolls back). Jdbi 3.49 would join a nested {@code inTransaction} on the thread's handle by
 * itself, but it would not hold back the after-commit steps nor retry the whole unit, so the unit
 * is explicit. Deadlock victims are retried as a whole.
 */
public final class Transactions {
    private static final int ATTEMPTS = 3;
    private final Jdbi jdbi;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    private static final class Unit {
        private final Handle handle;
        private final List<Runnable> afterCommit = new ArrayList<>();

        private Unit(Handle handle) {
            this.handle = handle;
        }
    }

    public Transactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Runs {@code work} in the thread's transaction, opening (and committing) one if none is running. */
    public <T> T inTransaction(Function<Handle, T> work) {
        Unit running = current.get();
        if (running != null) {
            return work.apply(running.handle);
        }
        for (int attempt = 1; ; attempt++) {
            List<Runnable> steps = new ArrayList<>();
            T result;
            try {
                result = jdbi.inTransaction(handle -> {
                    Unit unit = new Unit(handle);
                    current.set(unit);
                    try {
                        return work.apply(handle);
                    } finally {
                        current.remove();
                        steps.addAll(unit.afterCommit);
                    }
                });
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !SqlFailures.isRetryable(e)) {
                    throw e;
                }
                continue;
            }
            runAll(steps);
            return result;
        }
    }

    /** Whether a transaction is running on this thread. */
    public boolean active() {
        return current.get() != null;
    }

    /** Runs {@code step} once the thread's transaction committed, or at once when none is running. */
    public void afterCommit(Runnable step) {
        Unit running = current.get();
        if (running == null) {
            step.run();
        } else {
            running.afterCommit.add(step);
        }
    }

    private static void runAll(List<Runnable> steps) {
        RuntimeException first = null;
        for (Runnable step : steps) {
            try {
                step.run();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
