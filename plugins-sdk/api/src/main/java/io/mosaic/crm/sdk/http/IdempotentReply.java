package io.mosaic.crm.sdk.http;

import org.jdbi.v3.core.Handle;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The {@code Idempotency-Key} of the POST being served, for a handler that writes in one database
 * transaction: storing the answer in that transaction makes the write and its stored answer commit
 * together, so a retry of the key finds either both (and gets the answer replayed) or neither (and
 * runs again) — even when the connection broke while the COMMIT was in flight. Without it the
 * platform stores the answer right after the handler, in a transaction of its own.
 *
 * <pre>{@code
 * Record record = jdbi.inTransaction(h -> {
 *     Record written = insert(h, values);
 *     request.idempotentReply().ifPresent(key -> key.storeIn(h, replyFor(written)));
 *     return written;
 * });
 * return replyFor(record);   // the same reply the handler returns
 * }</pre>
 *
 * @since 1.3
 */
@ProviderType
public interface IdempotentReply {

    /**
     * Stores {@code reply} as the answer to the request's key, inside the transaction of
     * {@code handle}, right before it commits. The reply must be the one the handler then returns.
     */
    void storeIn(Handle handle, Reply reply);
}
