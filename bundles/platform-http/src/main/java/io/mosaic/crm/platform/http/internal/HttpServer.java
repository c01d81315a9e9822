package io.mosaic.crm.platform.http.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.jetty.EmbeddedJetty;
import io.mosaic.crm.platform.http.internal.jetty.JsonErrorHandler;
import io.mosaic.crm.platform.http.internal.jetty.ServerSettings;
import io.mosaic.crm.platform.http.internal.json.StrictJson;
import io.mosaic.crm.platform.http.internal.pipeline.ApiDispatcher;
import io.mosaic.crm.platform.http.internal.route.EndpointRegistry;
import io.mosaic.crm.platform.http.internal.route.ModuleCatalog;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import io.mosaic.crm.sdk.security.Authenticator;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the HTTP layer: the Jetty server, the route table fed by every {@link Endpoint} service,
 * the catalog of installed modules and the {@link Authenticator}. Also reports its live figures
 * as the {@code http} {@link RuntimeFacts}.
 */
@Designate(ocd = HttpSettings.class)
@Component(service = RuntimeFacts.class, immediate = true, configurationPid = HttpServer.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
public final class HttpServer implements RuntimeFacts {
    static final String PID = "io.mosaic.crm.http";
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final EndpointRegistry registry;
    private final ModuleCatalog catalog = new ModuleCatalog();
    private final ModuleTracker modules;
    private final ApiDispatcher dispatcher;
    private final EmbeddedJetty jetty;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    @Activate
    public HttpServer(BundleContext context, HttpSettings settings) throws Exception {
        ObjectMapper mapper = StrictJson.newMapper();
        registry = new EndpointRegistry(settings.drainTimeoutMillis());
        modules = new ModuleTracker(context, catalog);
        modules.open();
        dispatcher = new ApiDispatcher(mapper, registry, catalog, () -> authenticator, settings.maxBodyBytes());
        jetty = new EmbeddedJetty(serverSettings(settings), dispatcher, new JsonErrorHandler(mapper));
        try {
            jetty.start();
        } catch (Exception e) {
            modules.close();
            throw e;
        }
    }

    @Modified
    void retune(HttpSettings settings) throws Exception {
        dispatcher.maxBodyBytes(settings.maxBodyBytes());
        registry.drainTimeoutMillis(settings.drainTimeoutMillis());
        jetty.retune(serverSettings(settings));
    }

    @Deactivate
    void stop() throws Exception {
        try {
            jetty.stop();
        } finally {
            modules.close();
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEndpoint(Endpoint endpoint, ServiceReference<Endpoint> reference) {
        var bundle = reference.getBundle();
        if (bundle == null) {
            return; // unregistered meanwhile
        }
        ModuleTracker.moduleOf(bundle).ifPresentOrElse(
                module -> registry.add(serviceId(reference), module, endpoint),
                () -> LOG.error("rejected endpoint {} of bundle {}: no valid {} header", endpoint,
                        bundle.getSymbolicName(), ModuleDescriptor.HEADER));
    }

    /** Returns only when the endpoint's running requests have finished or the drain timeout expired. */
    void removeEndpoint(Endpoint endpoint, ServiceReference<Endpoint> reference) {
        registry.remove(serviceId(reference));
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private static ServerSettings serverSettings(HttpSettings s) {
        int min = Math.max(1, s.minThreads());
        int max = Math.max(min, s.maxThreads());
        return new ServerSettings(s.host(), s.port(), min, max, s.idleTimeoutMillis(), s.drainTimeoutMillis());
    }

    @Override
    public String name() {
        return "http";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = jetty.facts();
        facts.put("requestsInFlight", dispatcher.inFlight());
        facts.put("routes", registry.table().routes().size());
        return facts;
    }
}
