package io.mosaic.crm.customers.internal;

import io.mosaic.crm.customers.internal.account.AccountRoutes;
import io.mosaic.crm.customers.internal.account.AccountService;
import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.customers.internal.contact.ContactRoutes;
import io.mosaic.crm.customers.internal.contact.ContactService;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routes of the customers module: {@code /accounts} and {@code /contacts} under
 * {@code /api/customers}. Registered only after {@link CustomersSchema} migrated the tables. Page
 * sizes apply live; change events go to EventAdmin when it is there and are dropped otherwise.
 * Accounts and contacts by id are cached when platform-cache is there ({@link CustomersCache}).
 */
@Designate(ocd = CustomersSettings.class)
@Component(service = Endpoint.class, configurationPid = "io.mosaic.crm.customers")
public final class CustomersEndpoint implements Endpoint {
    private static final Logger LOG = LoggerFactory.getLogger(CustomersEndpoint.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    private final AccountRoutes accounts;
    private final ContactRoutes contacts;

    @Activate
    public CustomersEndpoint(@Reference Database database, @Reference CustomersSchema schema,
            @Reference CustomersCache cache, CustomersSettings settings) {
        EventSink events = this::post;
        accounts = new AccountRoutes(new AccountService(database.jdbi(), events, cache.accounts()));
        contacts = new ContactRoutes(new ContactService(database.jdbi(), events, cache.contacts()));
        apply(settings);
    }

    @Modified
    void apply(CustomersSettings settings) {
        int max = Math.max(1, settings.maxPageSize());
        int defaultSize = Math.max(1, Math.min(settings.defaultPageSize(), max));
        if (defaultSize != settings.defaultPageSize()) {
            LOG.warn("defaultPageSize {} is outside 1..maxPageSize {}; using {}", settings.defaultPageSize(), max, defaultSize);
        }
        accounts.pageSizes(defaultSize, max);
        contacts.pageSizes(defaultSize, max);
    }

    @Override
    public void routes(Routes routes) {
        accounts.register(routes);
        contacts.register(routes);
    }

    private void post(Event event) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(event);
        }
    }
}
