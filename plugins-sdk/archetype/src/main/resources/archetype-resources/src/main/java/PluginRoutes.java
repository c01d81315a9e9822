package ${package};

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * The plugin's routes under /api/${moduleId}. Each route names the permission a caller needs; the
 * platform checks it (401/403) before the handler runs.
 */
@Designate(ocd = PluginSettings.class)
@Component(service = Endpoint.class, configurationPid = "io.mosaic.crm.${moduleId}")
public final class PluginRoutes implements Endpoint {
    static final Permission READ = Permission.of("${moduleId}.notes", Action.READ);
    static final Permission CREATE = Permission.of("${moduleId}.notes", Action.CREATE);
    private final Notes notes;
    private volatile Greeter greeter;

    @Activate
    public PluginRoutes(@Reference Database database, @Reference PluginSchema schema, PluginSettings settings) {
        notes = new Notes(database.jdbi());
        apply(settings);
    }

    @Modified
    void apply(PluginSettings settings) {
        greeter = new Greeter(settings.greeting(), settings.maxNoteLength());
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/hello", Permission.authenticated(), this::hello).summary("Greets the caller");
        routes.post("/notes", CREATE, this::create).summary("Create a note").requestBody(NoteInput.class);
        routes.get("/notes/{id}", READ, this::get).summary("Get a note");
    }

    Map<String, Object> hello(ApiRequest request) {
        return greeter.greet(request.principal().name());
    }

    Reply create(ApiRequest request) {
        String text = greeter.validNote(request.body(NoteInput.class).text());
        long id = notes.create(text, request.principal().userId());
        return Reply.created("/api/${moduleId}/notes/" + id, notes.get(id));
    }

    Map<String, Object> get(ApiRequest request) {
        return notes.get(request.idParam("id"));
    }
}
