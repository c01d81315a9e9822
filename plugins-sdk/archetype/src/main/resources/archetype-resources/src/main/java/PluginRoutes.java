package ${package};

import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.security.Permission;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The plugin's routes under /api/${moduleId}: its own /hello, and the notes, served by the record
 * kit (permissions ${moduleId}.notes:read|create|edit|delete|export). Each route names the
 * permission a caller needs; the platform checks it (401/403) before the handler runs. Registered
 * as a RecordModule too, so the notes are in /api/metadata while the plugin runs.
 */
@Designate(ocd = PluginSettings.class)
@Component(service = {Endpoint.class, RecordModule.class}, configurationPid = "io.mosaic.crm.${moduleId}")
public final class PluginRoutes implements Endpoint, RecordModule {
    private final Records records;
    private final RecordType notes;
    private volatile Greeter greeter;
    private volatile int maxNoteLength;

    @Activate
    public PluginRoutes(@Reference Records records, @Reference PluginSchema schema, PluginSettings settings) {
        this.records = records;
        this.notes = Notes.type(() -> maxNoteLength);
        apply(settings);
    }

    @Modified
    void apply(PluginSettings settings) {
        greeter = new Greeter(settings.greeting());
        maxNoteLength = settings.maxNoteLength();
    }

    @Override
    public List<RecordType> recordTypes() {
        return List.of(notes);
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/hello", Permission.authenticated(), this::hello).summary("Greets the caller");
        records.serve(routes, notes);
    }

    Map<String, Object> hello(ApiRequest request) {
        return greeter.greet(request.principal().name());
    }
}
