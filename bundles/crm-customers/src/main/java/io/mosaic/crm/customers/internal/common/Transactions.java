package io.mosaic.crm.customers.internal.common;

import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs writes in one transaction each, so that a failure leaves nothing half-written, and retries
 * a transaction that MariaDB chose as a deadlock victim (it was rolled back whole).
 */
public final class Transactions {
    private static final int ATTEMPTS = 3;
    private final Jdbi jdbi;

    public Transactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public <R> R write(HandleCallback<R, RuntimeException> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(work);
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
