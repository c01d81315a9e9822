package io.mosaic.crm.platform.http.internal;

import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ErrorMapper;
import io.mosaic.crm.platform.http.internal.idempotency.IdempotencyKeys;
import io.mosaic.crm.platform.http.internal.isolation.BreakerEndpoint;
import io.mosaic.crm.platform.http.internal.isolation.CircuitBreaker;
import io.mosaic.crm.platform.http.internal.jetty.EmbeddedJetty;
import io.mosaic.crm.platform.http.internal.jetty.JsonErrorHandler;
import io.mosaic.crm.platform.http.internal.jetty.ServerSettings;
import io.mosaic.crm.platform.http.internal.metrics.HttpMetrics;
import io.mosaic.crm.platform.http.internal.json.JacksonCaches;
import io.mosaic.crm.platform.http.internal.json.StrictJson;
import io.mosaic.crm.platform.http.internal.pipeline.ApiDispatcher;
import io.mosaic.crm.platform.http.internal.route.EndpointRegistry;
import io.mosaic.crm.platform.http.internal.route.ModuleCatalog;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import io.mosaic.crm.sdk.security.Authenticator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
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
    private static final long OWN_ENDPOINT = -1; // the key of the breaker routes; service ids are positive
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

    private final ObjectMapper mapper;

    private final EndpointRegistry registry;
    private final ModuleCatalog catalog = new ModuleCatalog();
    private final ModuleTracker modules;
    private final ApiDispatcher dispatcher;
    private final EmbeddedJetty jetty;
    private final HttpMetrics metrics;
    private final IdempotencyKeys idempotency;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authenticator authenticator;

    private final SynchronousBundleListener shutdown = this::drainForShutdown;
    private final BundleContext context;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Database database;

    @Activate
    public HttpServer(BundleContext context, HttpSettings settings) throws Exception {
        ObjectMapper mapper = StrictJson.newMapper();
        this.mapper = mapper;
        registry = new EndpointRegistry(settings.drainTimeoutMillis());
        modules = new ModuleTracker(context, catalog, registry.parking());
        modules.open();
        dispatcher = new ApiDispatcher(mapper, registry, catalog, () -> authenticator, settings.maxBodyBytes());
        idempotency = new IdempotencyKeys(mapper, () -> database);
        dispatcher.idempotency(idempotency);
        applyIsolation(settings);
        dispatcher.guard().transactions(thread -> {
            Database current = database;
            return current != null && current.inTransaction(thread);
        });
        registry.add(OWN_ENDPOINT, BreakerEndpoint.MODULE, new BreakerEndpoint(dispatcher.guard().breakers()));
        jetty = new EmbeddedJetty(serverSettings(settings), dispatcher, new JsonErrorHandler(mapper));
        Map<String, Supplier<Number>> gauges = new HashMap<>(idempotency.gauges());
        gauges.putAll(Map.of(
                "http.body.timeouts", jetty::slowBodies,
                "http.anonymous.rejections", jetty::anonymousRejections,
                "http.anonymous.active", jetty::anonymousInUse,
                "http.server.database_unavailable", ErrorMapper::databaseUnavailableCount,
                "http.server.internal_errors", ErrorMapper::internalErrorCount,
                "http.server.failures.logged", () -> ErrorMapper.failures().logged(),
                "http.server.failures.suppressed", () -> ErrorMapper.failures().suppressed()));
        metrics = new HttpMetrics(dispatcher::metrics, dispatcher::inFlight, jetty.threadPool(), gauges);
        dispatcher.accessLog(settings.accessLog());
        this.context = context;
        context.addBundleListener(shutdown);
        try {
            jetty.start();
        } catch (Exception e) {
            context.removeBundleListener(shutdown);
            modules.close();
            dispatcher.guard().close();
            idempotency.close();
            throw e;
        }
    }

    @Modified
    void retune(HttpSettings settings) throws Exception {
        dispatcher.maxBodyBytes(settings.maxBodyBytes());
        dispatcher.accessLog(settings.accessLog());
        registry.drainTimeoutMillis(settings.drainTimeoutMillis());
        applyIsolation(settings);
        jetty.retune(serverSettings(settings));
    }

    private void applyIsolation(HttpSettings settings) {
        idempotency.ttlSeconds(settings.idempotencyTtlSeconds());
        registry.parking().parkTimeoutMillis(settings.parkTimeoutMillis());
        dispatcher.guard().budgetMillis(settings.handlerTimeoutMillis());
        dispatcher.guard().bodyTimeoutMillis(settings.bodyTimeoutMillis());
        dispatcher.guard().breakers().settings(new CircuitBreaker.Settings(settings.breakerFailures(),
                settings.breakerWindowMillis(), settings.breakerCooldownMillis()));
    }

    /**
     * When the framework begins to stop (SIGTERM), before any bundle stops: refuse new connections
     * and let the running requests finish while every module and the database are still there.
     * Synchronous, so the framework waits for it (at most the drain timeout).
     */
    private void drainForShutdown(BundleEvent event) {
        if (event.getBundle().getBundleId() != 0 || event.getType() != BundleEvent.STOPPING) {
            return;
        }
        int running = dispatcher.inFlight();
        try {
            int left = jetty.refuseConnectionsAndDrain(dispatcher::inFlight);
            if (left > 0) {
                LOG.warn("shutting down: {} requests still running after the drain timeout", left);
            } else {
                LOG.info("shutting down: no new connections; the {} running requests finished", running);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Deactivate
    void stop() throws Exception {
        context.removeBundleListener(shutdown);
        try {
            jetty.stop();
        } finally {
            modules.close();
            dispatcher.guard().close();
            idempotency.close();
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
                module -> {
                    if (registry.add(serviceId(reference), module, endpoint)) {
                        dispatcher.guard().breakers().arrived(module);
                    }
                },
                () -> LOG.error("rejected endpoint {} of bundle {}: no valid {} header", endpoint,
                        bundle.getSymbolicName(), ModuleDescriptor.HEADER));
    }

    /** Records requests and exposes the thread pool while platform-monitoring's registry is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(MetricRegistry registry) {
        metrics.bind(registry);
    }

    void unbindMetrics(MetricRegistry registry) {
        metrics.unbind(registry);
    }

    /**
     * Returns only when the endpoint's running requests have finished or the drain timeout expired.
     * Unless the module was stopped on purpose, its new requests are parked until it is back.
     */
    void removeEndpoint(Endpoint endpoint, ServiceReference<Endpoint> reference) {
        registry.remove(serviceId(reference), ModuleTracker.expectedBack(reference.getBundle()));
        JacksonCaches.flush(mapper); // its (de)serializers would keep the gone bundle's classes reachable
    }

    private static long serviceId(ServiceReference<?> reference) {
        return (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    private static ServerSettings serverSettings(HttpSettings s) {
        int min = Math.max(1, s.minThreads());
        int max = Math.max(min, s.maxThreads());
        return new ServerSettings(s.host(), s.port(), min, max, s.idleTimeoutMillis(), s.drainTimeoutMillis(),
                Math.max(0, s.bodyTimeoutMillis()), Math.max(0, s.minBodyBytesPerSecond()),
                Math.max(1, Math.min(100, s.anonymousSharePercent())));
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
        facts.put("parking", registry.parking().facts());
        facts.putAll(dispatcher.guard().facts());
        return facts;
    }
}
