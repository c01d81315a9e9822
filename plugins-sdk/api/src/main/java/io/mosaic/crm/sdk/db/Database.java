package io.mosaic.crm.sdk.db;

import org.jdbi.v3.core.Jdbi;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's MariaDB database. One pooled {@link Jdbi} is shared by all modules; use
 * {@code jdbi().inTransaction(...)} for writes so that a failure leaves nothing half-written.
 */
@ProviderType
public interface Database {

    Jdbi jdbi();

    /**
     * Brings the module's schema up to date by running the Flyway scripts found at
     * {@code db/<moduleId>/} in the given class loader (normally the module bundle's), recording
     * them in the module's own history table {@code flyway_<moduleId>}. Call it when the module
     * activates, before serving.
     *
     * @throws IllegalStateException if a migration fails; nothing of that migration is kept
     */
    void migrate(String moduleId, ClassLoader classLoader);

    /**
     * Whether {@code thread} holds a connection of the shared pool inside a transaction (auto-commit
     * off) right now: the outcome of its writes is not known yet. platform-http asks this before it
     * answers a write whose handler overran its time budget, so that no client is told "failed" about
     * a write that commits afterwards.
     *
     * @since 1.1
     */
    default boolean inTransaction(Thread thread) {
        return false;
    }
}
