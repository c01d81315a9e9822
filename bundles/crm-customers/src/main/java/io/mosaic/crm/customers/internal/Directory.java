package io.mosaic.crm.customers.internal;

import io.mosaic.crm.customers.api.AccountSummary;
import io.mosaic.crm.customers.api.ContactSummary;
import io.mosaic.crm.customers.api.CustomerDirectory;
import io.mosaic.crm.customers.api.NewAccount;
import io.mosaic.crm.customers.api.NewContact;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.record.Values;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The customers module's {@link CustomerDirectory}, read and written through the record kit's stores
 * (and caches); the duplicate search reads the module's own accounts table.
 */
@Component(service = CustomerDirectory.class)
public final class Directory implements CustomerDirectory {
    // the website host as the generated column website_host computes it (V1__init.sql)
    private static final String SIMILAR = """
            SELECT id FROM accounts
             WHERE deleted_at IS NULL
               AND (name = :name
                    OR (:website <> '' AND website_host =
                        REGEXP_REPLACE(REGEXP_REPLACE(LOWER(TRIM(:website)), '^(https?://)?(www[.])?', ''), '/+$', '')))
             ORDER BY id
             LIMIT :limit""";

    private final RecordStore accounts;
    private final RecordStore contacts;
    private final Jdbi jdbi;

    @Activate
    public Directory(@Reference Records records, @Reference CustomerTypes types, @Reference Database database) {
        this.accounts = records.store(types.accounts());
        this.contacts = records.store(types.contacts());
        this.jdbi = database.jdbi();
    }

    @Override
    public Optional<AccountSummary> account(long id) {
        return accounts.find(id).map(Directory::account);
    }

    @Override
    public boolean accountExists(long id) {
        return accounts.find(id).isPresent();
    }

    @Override
    public Optional<ContactSummary> contact(long id) {
        return contacts.find(id).map(Directory::contact);
    }

    @Override
    public boolean contactExists(long id) {
        return contacts.find(id).isPresent();
    }

    @Override
    public Optional<ContactSummary> contactByEmail(String email) {
        if (email == null || email.isBlank()) {
            return Optional.empty();
        }
        return contacts.findBy("email", email.strip(), 1).stream().findFirst().map(Directory::contact);
    }

    @Override
    public List<ContactSummary> contactsOf(long accountId, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1 to 500: " + limit);
        }
        return contacts.findBy("accountId", accountId, limit).stream().map(Directory::contact).toList();
    }

    @Override
    public List<AccountSummary> similarAccounts(String name, String website, int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be 1 to 500: " + limit);
        }
        String n = name == null ? "" : name.strip();
        String w = website == null ? "" : website.strip();
        if (n.isEmpty() && w.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbi.withHandle(h -> h.createQuery(SIMILAR).bind("name", n).bind("website", w)
                .bind("limit", limit).mapTo(Long.class).list());
        return ids.stream().map(accounts::find).flatMap(Optional::stream).map(Directory::account).toList();
    }

    @Override
    public AccountSummary createAccount(NewAccount account, long userId) {
        Map<String, Object> values = new HashMap<>();
        values.put("name", account.name());
        values.put("website", account.website());
        values.put("phone", account.phone());
        values.put("email", account.email());
        values.put("ownerId", account.ownerId());
        return account(accounts.create(Values.of(values), userId));
    }

    @Override
    public ContactSummary createContact(NewContact contact, long userId) {
        Map<String, Object> values = new HashMap<>();
        values.put("accountId", contact.accountId());
        values.put("firstName", contact.firstName());
        values.put("lastName", contact.lastName());
        values.put("email", contact.email());
        values.put("phone", contact.phone());
        values.put("title", contact.title());
        values.put("ownerId", contact.ownerId());
        return contact(contacts.create(Values.of(values), userId));
    }

    private static AccountSummary account(Record r) {
        return new AccountSummary(r.id(), r.text("name"), r.text("website"), r.text("country"), r.ownerId());
    }

    private static ContactSummary contact(Record r) {
        return new ContactSummary(r.id(), (Long) r.get("accountId"), r.text("firstName"), r.text("lastName"),
                r.text("email"), r.ownerId());
    }
}
