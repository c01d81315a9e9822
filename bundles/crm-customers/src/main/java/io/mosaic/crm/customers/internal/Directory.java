package io.mosaic.crm.customers.internal;

import io.mosaic.crm.customers.api.AccountSummary;
import io.mosaic.crm.customers.api.ContactSummary;
import io.mosaic.crm.customers.api.CustomerDirectory;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.Records;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The customers module's {@link CustomerDirectory}, read through the record kit's stores (and caches). */
@Component(service = CustomerDirectory.class)
public final class Directory implements CustomerDirectory {
    private final RecordStore accounts;
    private final RecordStore contacts;

    @Activate
    public Directory(@Reference Records records, @Reference CustomerTypes types) {
        this.accounts = records.store(types.accounts());
        this.contacts = records.store(types.contacts());
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

    private static AccountSummary account(Record r) {
        return new AccountSummary(r.id(), r.text("name"), r.text("website"), r.text("country"), r.ownerId());
    }

    private static ContactSummary contact(Record r) {
        return new ContactSummary(r.id(), (Long) r.get("accountId"), r.text("firstName"), r.text("lastName"),
                r.text("email"), r.ownerId());
    }
}
