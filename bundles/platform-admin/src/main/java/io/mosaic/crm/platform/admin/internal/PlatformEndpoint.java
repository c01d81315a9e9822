package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.platform.tuning.api.ChangeRecorder;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
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
import org.osgi.service.component.annotations.ReferencePolicyOption;
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
    private final BundleOperations bundles;
    private final BundleRefresh refresh;
    private final PluginsDirectory plugins;
    private final ConfigSchema schemas;
    private final ConfigEditor config;
    private final RuntimeReport runtime;

    /** platform-tuning's history: config changes are recorded there while it runs. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChangeRecorder changeRecorder;

    /** Which files of plugins/ took over a plugin installed from another file. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginReplacement replacement;

    @Activate
    public PlatformEndpoint(BundleContext context, @Reference ConfigurationAdmin configAdmin,
            @Reference MetaTypeService metaType) {
        this.modules = new Modules(context);
        this.runtime = new RuntimeReport(context);
        this.bundles = new BundleOperations(context);
        this.refresh = new BundleRefresh(context);
        this.plugins = new PluginsDirectory(context, () -> replacement);
        this.schemas = new ConfigSchema(context, metaType);
        this.config = new ConfigEditor(configAdmin, new Descriptions(context, metaType), () -> changeRecorder);
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
                .summary("Every installed bundle with its state, start level and wiring problems in words")
                .responseBody(BundleView.class);
        routes.get("/bundles/{id}", MODULES_READ, req -> bundles.get(req.idParam("id")))
                .summary("One bundle").responseBody(BundleView.class);
        routes.put("/bundles/{id}/content", MODULES_ADMIN,
                        req -> bundles.update(req.idParam("id"), req.body(JarUpload.class), req.principal().name()))
                .summary("Update a CRM module or plugin from an uploaded jar (Base64 in JSON; same symbolic name)")
                .requestBody(JarUpload.class).responseBody(BundleView.class);
        routes.post("/bundles/{id}/refresh", MODULES_ADMIN, req -> refresh.refresh(req.idParam("id"), req.principal().name()))
                .summary("Rewire a CRM module or plugin and its dependants (stop, resolve, start); its requests wait meanwhile")
                .responseBody(BundleView.class);
        routes.delete("/bundles/{id}", MODULES_ADMIN, req -> {
            bundles.uninstall(req.idParam("id"), req.principal().name());
            return null;
        }).summary("Uninstall a CRM module or plugin (platform bundles refuse with 409)");
        routes.get("/plugins", MODULES_READ, req -> Map.of("items", plugins.list()))
                .summary("The jars in plugins/ and whether each is installed").responseBody(PluginFile.class);
        routes.post("/plugins/install", MODULES_ADMIN,
                        req -> plugins.install(req.body(PluginInstall.class), bundles, req.principal().name()))
                .summary("Install and start a jar of plugins/ that is not installed")
                .requestBody(PluginInstall.class).responseBody(BundleView.class);
        routes.get("/runtime", RUNTIME_READ, req -> runtime.snapshot())
                .summary("Live values of the running platform: thread pool, database pool, JVM");
        routes.get("/config", CONFIG_READ, req -> Map.of("items", config.list()))
                .summary("Every configurable component with its current values").responseBody(ConfigView.class);
        routes.get("/config/{pid}", CONFIG_READ, req -> config.get(req.pathParam("pid")))
                .summary("One configuration").responseBody(ConfigView.class);
        routes.get("/config/{pid}/schema", CONFIG_READ, req -> schemas.describe(req.pathParam("pid")))
                .summary("The Metatype description of a configuration: types, ranges, options, defaults")
                .responseBody(ConfigSchema.Schema.class);
        routes.patch("/config/{pid}", CONFIG_EDIT,
                        req -> config.update(req.pathParam("pid"), req.bodyTree(), req.principal().name()))
                .summary("Change configuration values; applied live and written back to config/")
                .responseBody(ConfigView.class);
    }
}
