package io.mosaic.crm.customers.internal;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.record.ServedTypes;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The customers module: accounts and contacts, served by the record kit under
 * {@code /api/customers}. Registered only after {@link CustomersSchema} migrated the tables; page
 * sizes apply live.
 */
@Designate(ocd = CustomersSettings.class)
@Component(service = {Endpoint.class, RecordModule.class}, configurationPid = "io.mosaic.crm.customers")
public final class CustomersEndpoint implements Endpoint, RecordModule {

    private final Records records;
    private final CustomerTypes types;
    private volatile ServedTypes served = ServedTypes.NONE;
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
        served.pageSizes(next.defaultPageSize(), next.maxPageSize());
    }

    @Override
    public List<RecordType> recordTypes() {
        return types.all();
    }

    @Override
    public void routes(Routes routes) {
        served = records.serveAll(routes, recordTypes());
        served.pageSizes(settings.defaultPageSize(), settings.maxPageSize());
    }
}
