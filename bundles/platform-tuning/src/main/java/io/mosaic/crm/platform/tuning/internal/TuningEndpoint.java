package io.mosaic.crm.platform.tuning.internal;

import io.mosaic.crm.platform.tuning.internal.advice.Advice;
import io.mosaic.crm.platform.tuning.internal.advice.Advisor;
import io.mosaic.crm.platform.tuning.internal.advice.CapturedQueries;
import io.mosaic.crm.platform.tuning.internal.advice.MetricsReader;
import io.mosaic.crm.platform.tuning.internal.advice.SlowQueries;
import io.mosaic.crm.platform.tuning.internal.catalogue.Catalogue;
import io.mosaic.crm.platform.tuning.internal.catalogue.Descriptions;
import io.mosaic.crm.platform.tuning.internal.change.ConfigStore;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.MetaTypeService;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code /api/platform/tuning}: the parameter catalogue, the advisor, apply, history and rollback.
 * Sampling interval, window and headroom apply live.
 */
@Designate(ocd = TuningSettings.class)
@Component(service = Endpoint.class, configurationPid = "io.mosaic.crm.tuning")
public final class TuningEndpoint implements Endpoint {
    private final Map<String, RuntimeFacts> facts = new ConcurrentHashMap<>();
    private final TuningRoutes routes;
    private final Advisor advisor;
    private volatile long slowQueryMillis;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MetricsReader metrics;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CapturedQueries capturedQueries;

    @Activate
    public TuningEndpoint(BundleContext context, @Reference TuningHistory history, @Reference Database database,
            @Reference ConfigurationAdmin configAdmin, @Reference MetaTypeService metaType, TuningSettings settings) {
        Descriptions descriptions = new Descriptions(context, metaType, configAdmin);
        SlowQueries slow = new SlowQueries(database.jdbi(), () -> slowQueryMillis, () -> Optional.ofNullable(capturedQueries));
        this.advisor = new Advisor(this::factsOf, () -> Optional.ofNullable(metrics),
                (cache, hint) -> cacheParameter(descriptions, cache, hint), slow::find);
        this.routes = new TuningRoutes(new Catalogue(descriptions, new ConfigStore(configAdmin)), advisor,
                history.log(), history.history(), new ChangeValidation(descriptions));
        modified(settings);
    }

    @Modified
    void modified(TuningSettings settings) {
        slowQueryMillis = Math.max(1, settings.slowQueryMillis());
        advisor.configure(Math.max(100, settings.sampleIntervalMillis()), Math.max(5, settings.windowSeconds()),
                Math.max(0, settings.headroomPercent()));
    }

    @Deactivate
    void deactivate() {
        advisor.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addFacts(RuntimeFacts source) {
        facts.put(source.name(), source);
    }

    void removeFacts(RuntimeFacts source) {
        facts.remove(source.name(), source);
    }

    @Override
    public void routes(Routes routes) {
        this.routes.register(routes);
    }

    private Map<String, Object> factsOf(String name) {
        RuntimeFacts source = facts.get(name);
        return source == null ? Map.of() : source.facts();
    }

    /** The heap-size key of the factory configuration of cache {@code name} ({@code ...cache~name}). */
    private static Optional<Advice.Target> cacheParameter(Descriptions descriptions, String cache, String hint) {
        return descriptions.all().stream()
                .filter(d -> d.factoryPid() != null && d.pid().endsWith("~" + cache))
                .flatMap(d -> d.attributes().keySet().stream()
                        .filter(k -> k.toLowerCase(Locale.ROOT).contains(hint))
                        .map(k -> new Advice.Target(d.pid(), k)))
                .findFirst();
    }
}
