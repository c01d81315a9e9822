package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The customer service module under {@code /api/service}: calendars, SLA policies, cases and
 * comments served by the record kit, and the statuses with their allowed transitions.
 */
@Designate(ocd = ServiceSettings.class)
@Component(service = {Endpoint.class, RecordModule.class}, configurationPid = "io.mosaic.crm.service")
public final class ServiceEndpoint implements Endpoint, RecordModule {
    private final Records records;
    private final ServiceTypes types;
    private final Database database;
    private final List<Records.RecordRoutes> served = new CopyOnWriteArrayList<>();
    private volatile ServiceSettings settings;

    @Activate
    public ServiceEndpoint(@Reference Records records, @Reference ServiceTypes types, @Reference Database database,
            ServiceSettings settings) {
        this.records = records;
        this.types = types;
        this.database = database;
        this.settings = settings;
    }

    @Modified
    void apply(ServiceSettings next) {
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
        routes.get("/statuses", Permission.of("service.cases", Action.READ), request -> Map.of("items",
                        database.jdbi().withHandle(Statuses::all)))
                .summary("The case statuses, their categories (open, waiting, closed) and the statuses each may move to");
    }

    private void pageSizes(Records.RecordRoutes routes) {
        ServiceSettings current = settings;
        int max = Math.max(1, current.maxPageSize());
        routes.pageSizes(Math.max(1, Math.min(current.defaultPageSize(), max)), max);
    }
}
