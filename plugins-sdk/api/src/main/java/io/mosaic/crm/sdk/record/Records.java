package io.mosaic.crm.sdk.record;

import io.mosaic.crm.sdk.http.Routes;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's record kit (bundle platform-records). Use it from a module's endpoint:
 *
 * <pre>{@code
 * public void routes(Routes routes) {
 *     records.serve(routes, ACCOUNTS);          // the standard routes of /accounts
 *     routes.post("/accounts/{id}/merge", …);   // and the module's own
 * }
 * }</pre>
 */
@ProviderType
public interface Records {

    /** The store of {@code type}. */
    RecordStore store(RecordType type);

    /**
     * Declares the standard routes of {@code type} under {@code /<path>}: {@code POST} (201 +
     * {@code Location}), {@code GET} list (filters, {@code sort}, {@code fields}, {@code q}, keyset
     * {@code after}), {@code GET /{id}} ({@code ETag}), {@code PATCH /{id}} ({@code If-Match}),
     * {@code DELETE /{id}} (soft), {@code GET /export} (CSV or NDJSON) and {@code GET /{id}/history}.
     *
     * @return the served routes, whose page sizes may be changed live
     */
    RecordRoutes serve(Routes routes, RecordType type);

    /**
     * Serves every one of {@code types} ({@link #serve}) and answers their routes as one, whose
     * page sizes a module sets from its live settings: in {@code routes(...)} and again in its
     * {@code @Modified} method.
     *
     * @since 1.2
     */
    default ServedTypes serveAll(Routes routes, List<RecordType> types) {
        return new ServedTypes(types.stream().map(type -> serve(routes, type)).toList());
    }

    /**
     * Runs {@code work} in one database transaction that every {@link RecordStore} write made on
     * this thread inside it joins, whatever module's store it is (a lead conversion creates an
     * account, a contact and an opportunity and updates the lead, all or nothing). {@code work}
     * gets the transaction's handle for the module's own tables. The writes' after-commit steps
     * (cache, {@link RecordHooks#afterCommit}, events) run once the whole transaction committed,
     * and not at all when it rolls back; deadlock victims are retried as a whole (so {@code work}
     * must be safe to run again). Called inside a running transaction, it joins it.
     *
     * @since 1.1
     */
    <T> T inTransaction(Function<Handle, T> work);

    /** The record types of the running modules ({@link RecordModule} services). */
    List<RecordType> types();

    /** A running record type by resource, e.g. {@code customers.accounts}. */
    Optional<RecordType> type(String resource);

    /** The page sizes of served record routes. */
    @ProviderType
    interface RecordRoutes {
        /** Applies to the next list requests: {@code 1 <= defaultLimit <= maxLimit}. */
        void pageSizes(int defaultLimit, int maxLimit);
    }
}
