package io.mosaic.crm.customers.internal;

import io.mosaic.crm.customers.internal.account.Account;
import io.mosaic.crm.customers.internal.common.RecordCache;
import io.mosaic.crm.customers.internal.contact.Contact;
import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.Caches;
import io.mosaic.crm.sdk.event.CrmEvents;
import java.time.Duration;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

/**
 * Accounts and contacts by id in the platform caches {@code accounts} and {@code contacts}, when
 * platform-cache is there (optional: without it every read goes to the database). The services
 * invalidate an entry right after their own change commits; change events of the customers module
 * invalidate it too, so a change made elsewhere (another node relaying events, another module) is
 * not served stale for longer than the event takes.
 */
@Component(service = {CustomersCache.class, EventHandler.class},
        property = EventConstants.EVENT_TOPIC + "=io/mosaic/crm/customers/*")
public final class CustomersCache implements EventHandler {
    static final CacheSpec<Long, Account> ACCOUNTS =
            CacheSpec.of("accounts", Long.class, Account.class).heapEntries(10_000).ttl(Duration.ofMinutes(10));
    static final CacheSpec<Long, Contact> CONTACTS =
            CacheSpec.of("contacts", Long.class, Contact.class).heapEntries(10_000).ttl(Duration.ofMinutes(10));

    private final RecordCache<Account> accounts = RecordCache.uncached();
    private final RecordCache<Contact> contacts = RecordCache.uncached();
    private Caches bound;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindCaches(Caches caches) {
        bound = caches;
        accounts.use(caches.declare(ACCOUNTS));
        contacts.use(caches.declare(CONTACTS));
    }

    synchronized void unbindCaches(Caches caches) {
        if (bound == caches) {      // a greedy replacement binds the new service before unbinding the old
            bound = null;
            accounts.use(null);
            contacts.use(null);
        }
    }

    RecordCache<Account> accounts() {
        return accounts;
    }

    RecordCache<Contact> contacts() {
        return contacts;
    }

    @Override
    public void handleEvent(Event event) {
        if (!(event.getProperty(CrmEvents.ID) instanceof Long id)) {
            return;
        }
        Object entity = event.getProperty(CrmEvents.ENTITY);
        if ("Account".equals(entity)) {
            accounts.invalidate(id);
        } else if ("Contact".equals(entity)) {
            contacts.invalidate(id);
        }
    }
}
