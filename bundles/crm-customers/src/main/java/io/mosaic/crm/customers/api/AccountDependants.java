package io.mosaic.crm.customers.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Register as a service to keep accounts that your records depend on from being deleted: a delete
 * of such an account answers 409 listing what {@link #dependantsOf} returns. Answer quickly (an
 * indexed query) and only records that really block the delete, such as open opportunities. With
 * {@code ?cascade=true} the delete first asks every source to {@link #cascadeDelete} them.
 */
@ConsumerType
public interface AccountDependants {

    /** The records that depend on account {@code accountId}; empty when it may be deleted. */
    List<Dependant> dependantsOf(long accountId);

    /**
     * Deletes (or releases) the records that depend on the account, for
     * {@code DELETE /api/customers/accounts/{id}?cascade=true}. Runs inside the account delete's
     * transaction: write through the record kit's stores (they join it) so that a failure undoes
     * both. The default does nothing, so the records keep blocking the delete.
     *
     * @since 1.1
     */
    default void cascadeDelete(long accountId, long userId) {}
}
