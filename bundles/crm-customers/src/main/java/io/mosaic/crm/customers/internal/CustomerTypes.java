package io.mosaic.crm.customers.internal;

import io.mosaic.crm.customers.api.AccountDependants;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The record types of the customers module, available once {@link CustomersSchema} migrated their
 * tables. Tracks the other modules' {@link AccountDependants} for the accounts' delete rule.
 */
@Component(service = CustomerTypes.class)
public final class CustomerTypes {
    private final List<AccountDependants> dependants = new CopyOnWriteArrayList<>();
    private final RecordType accounts = Accounts.type(new AccountRules(() -> List.copyOf(dependants)));

    @Activate
    public CustomerTypes(@Reference CustomersSchema schema) {
        // the tables exist: the types may be served
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindDependants(AccountDependants source) {
        dependants.add(source);
    }

    void unbindDependants(AccountDependants source) {
        dependants.remove(source);
    }

    RecordType accounts() {
        return accounts;
    }

    RecordType contacts() {
        return Contacts.TYPE;
    }

    List<RecordType> all() {
        return List.of(accounts, Contacts.TYPE);
    }
}
