package io.mosaic.crm.customers.api;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Register as a service to keep accounts that your records depend on from being deleted: a delete
 * of such an account answers 409 listing what {@link #dependantsOf} returns. Answer quickly (an
 * indexed query) and only records that really block the delete, such as open opportunities.
 */
@ConsumerType
public interface AccountDependants {

    /** The records that depend on account {@code accountId}; empty when it may be deleted. */
    List<Dependant> dependantsOf(long accountId);
}
