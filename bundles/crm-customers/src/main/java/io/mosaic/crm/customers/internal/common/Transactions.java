package io.mosaic.crm.customers.internal.common;

import java.util.function.Supplier;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs writes in one transaction each, so that a failure leaves nothing half-written, and retries
 * a transaction that MariaDB chose as a deadlock victim (it was rolled back whole). A write of a
 * single statement runs in autocommit instead: the statement is its own transaction, and no
 * BEGIN/COMMIT round trips are spent on it.
 */
public final class Transactions {
    private static final int ATTEMPTS = 3;
    private final Jdbi jdbi;

    public Transactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <R> R write(HandleCallback<R, RuntimeException> work) {
        return retrying(() -> jdbi.inTransaction(work));
    }

    /** Runs {@code work}, which must issue exactly one writing statement, in autocommit. */
    public <R> R single(HandleCallback<R, RuntimeException> work) {
        return retrying(() -> jdbi.withHandle(work));
    }

    private static <R> R retrying(Supplier<R> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !SqlFailures.isRetryable(e)) {
                    throw e;
                }
            }
        }
    }

    public <R> R read(HandleCallback<R, RuntimeException> work) {
        return jdbi.withHandle(work);
    }
}
