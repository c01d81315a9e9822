package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.MetaTypeService;

/** The platform's own API: modules, live runtime facts and configuration. */
@Component(service = Endpoint.class)
public final class PlatformEndpoint implements Endpoint {
    private static final Permission MODULES_READ = Permission.of("platform.modules", Action.READ);
    private static final Permission MODULES_ADMIN = Permission.of("platform.modules", Action.ADMIN);
    private static final Permission RUNTIME_READ = Permission.of("platform.runtime", Action.READ);
    private static final Permission CONFIG_READ = Permission.of("platform.config", Action.READ);
    private static final Permission CONFIG_EDIT = Permission.of("platform.config", Action.EDIT);

    private final Modules modules;
    private final ConfigEditor config;
    private final RuntimeReport runtime = new RuntimeReport();

    @Activate
    public PlatformEndpoint(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType) {
        this.modules = new Modules(context);
        this.config = new ConfigEditor(configAdmin, new Descriptions(context, metaType));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFacts(RuntimeFacts facts) {
        runtime.add(facts);
    }

    void removeFacts(RuntimeFacts facts) {
        runtime.remove(facts);
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/modules", MODULES_READ, req -> Map.of("items", modules.list()))
                .summary("List installed modules with their state").responseBody(ModuleView.class);
        routes.get("/modules/{id}", MODULES_READ, req -> modules.get(req.pathParam("id")))
                .summary("One module").responseBody(ModuleView.class);
        routes.post("/modules/{id}/disable", MODULES_ADMIN,
                        req -> modules.disable(req.pathParam("id"), req.principal().name()))
                .summary("Stop a module: its routes answer 503 until enabled; data is kept").responseBody(ModuleView.class);
        routes.post("/modules/{id}/enable", MODULES_ADMIN,
                        req -> modules.enable(req.pathParam("id"), req.principal().name()))
                .summary("Start a module again").responseBody(ModuleView.class);
        routes.get("/bundles", MODULES_READ, req -> Map.of("items", modules.bundles()))
                .summary("Every installed bundle with its state and start level").responseBody(BundleView.class);
        routes.get("/runtime", RUNTIME_READ, req -> runtime.snapshot())
                .summary("Live values of the running platform: thread pool, database pool, JVM");
        routes.get("/config", CONFIG_READ, req -> Map.of("items", config.list()))
                .summary("Every configurable component with its current values").responseBody(ConfigView.class);
        routes.get("/config/{pid}", CONFIG_READ, req -> config.get(req.pathParam("pid")))
                .summary("One configuration").responseBody(ConfigView.class);
        routes.patch("/config/{pid}", CONFIG_EDIT,
                        req -> config.update(req.pathParam("pid"), req.bodyTree(), req.principal().name()))
                .summary("Change configuration values; applied live and written back to config/")
                .responseBody(ConfigView.class);
    }
}
