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

    /**
     * Live accounts that a new account with this name and website would likely duplicate: the same
     * name (case-insensitively) or the same website host (without scheme, {@code www.} and trailing
     * slashes), oldest first, at most {@code limit} (1–500). Either argument may be null.
     *
     * @since 1.1
     */
    List<AccountSummary> similarAccounts(String name, String website, int limit);

    /**
     * Creates an account with every rule of {@code /api/customers/accounts} (field checks: 422
     * {@code validation_failed}; the same name and website: 409 {@code duplicate}), with its change
     * row and event. Called inside {@code Records.inTransaction} it joins that transaction, so it is
     * undone with the caller's other writes.
     *
     * @since 1.1
     */
    AccountSummary createAccount(NewAccount account, long userId);

    /**
     * Creates a contact like {@link #createAccount} does an account (the e-mail is unique among
     * live contacts: 409 {@code duplicate}; the account must be live: 422 {@code unknown_reference}).
     *
     * @since 1.1
     */
    ContactSummary createContact(NewContact contact, long userId);
}
