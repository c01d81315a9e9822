package io.mosaic.crm.customers.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Accounts and contacts for other modules and plugins: a service of the customers module,
 * present while the module runs. Reads see committed data; they are not access-checked (the
 * caller decides what its own users may see), so do not hand them to users unfiltered.
 */
@ProviderType
public interface CustomerDirectory {

    /** The live account, if there is one with this id. */
    Optional<AccountSummary> account(long id);

    /** Whether a live account has this id. */
    boolean accountExists(long id);

    /** The live contact, if there is one with this id. */
    Optional<ContactSummary> contact(long id);

    /** Whether a live contact has this id. */
    boolean contactExists(long id);

    /** The live contact with this e-mail (compared case-insensitively); e-mails are unique among live contacts. */
    Optional<ContactSummary> contactByEmail(String email);

    /** Live contacts of an account, oldest first, at most {@code limit} (1–500). */
    List<ContactSummary> contactsOf(long accountId, int limit);
}
