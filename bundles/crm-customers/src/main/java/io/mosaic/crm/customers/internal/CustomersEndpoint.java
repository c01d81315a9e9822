package io.mosaic.crm.customers.internal;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The customers module: accounts and contacts, served by the record kit under
 * {@code /api/customers}. Registered only after {@link CustomersSchema} migrated the tables; page
 * sizes apply live.
 */
@Designate(ocd = CustomersSettings.class)
@Component(service = {Endpoint.class, RecordModule.class}, configurationPid = "io.mosaic.crm.customers")
public final class CustomersEndpoint implements Endpoint, RecordModule {
    private static final Logger LOG = LoggerFactory.getLogger(CustomersEndpoint.class);

    private final Records records;
    private final CustomerTypes types;
    private final List<Records.RecordRoutes> served = new CopyOnWriteArrayList<>();
    private volatile CustomersSettings settings;

    @Activate
    public CustomersEndpoint(@Reference Records records, @Reference CustomerTypes types, CustomersSettings settings) {
        this.records = records;
        this.types = types;
        this.settings = settings;
    }

    @Modified
    void apply(CustomersSettings next) {
        settings = next;
        served.forEach(this::pageSizes);
    }

    @Override
    public List<RecordType> recordTypes() {
        return types.all();
    }

    @Override
    public void routes(Routes routes) {
        served.clear();
        for (RecordType type : recordTypes()) {
            Records.RecordRoutes routesOfType = records.serve(routes, type);
            pageSizes(routesOfType);
            served.add(routesOfType);
        }
    }

    private void pageSizes(Records.RecordRoutes routes) {
        CustomersSettings current = settings;
        int max = Math.max(1, current.maxPageSize());
        int defaultSize = Math.max(1, Math.min(current.defaultPageSize(), max));
        if (defaultSize != current.defaultPageSize()) {
            LOG.warn("defaultPageSize {} is outside 1..maxPageSize {}; using {}", current.defaultPageSize(), max, defaultSize);
        }
        routes.pageSizes(defaultSize, max);
    }
}
