package io.mosaic.crm.platform.monitoring.internal;

import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The monitoring routes. The module's base path is {@code /}, so the patterns are absolute:
 * Prometheus scrapes {@code /metrics} (with an API token as bearer), the console reads
 * {@code /api/platform/metrics}, load balancers and orchestrators probe {@code /health} and
 * {@code /health/ready} without credentials.
 */
@Component(service = Endpoint.class)
public final class MonitoringEndpoint implements Endpoint {
    static final Permission METRICS_READ = Permission.of("platform.metrics", Action.READ);
    static final String DISABLED = "# monitoring is disabled (io.mosaic.crm.monitoring enabled=false)\n";

    private final Readiness readiness;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile MetricRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Database database;

    private final EmbeddedDatabase embedded;

    @Activate
    public MonitoringEndpoint(BundleContext context, @Reference EmbeddedDatabase embedded) {
        this.readiness = new Readiness(context::getBundles);
        this.embedded = embedded;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/metrics", METRICS_READ, req -> {
            MetricRegistry current = registry;
            return Reply.content(200, PrometheusText.CONTENT_TYPE,
                    current == null ? DISABLED : PrometheusText.render(current));
        }).summary("Every metric in the Prometheus text format 0.0.4 (scrape with an API token as bearer)");
        routes.get("/api/platform/metrics", METRICS_READ, req -> MetricsJson.render(registry))
                .summary("Every metric as JSON: timers (ms, rates, percentiles), meters, gauges, by name and labels");
        routes.get("/health", Permission.anonymous(), req -> live(embedded.state()))
                .summary("Liveness: answers while the server runs, with the embedded database's state; "
                        + "503 when the embedded database could not be started again");
        routes.get("/health/ready", Permission.anonymous(), req -> ready())
                .summary("Readiness: the database answers and every enabled module is active; 503 otherwise");
    }

    /**
     * {@code {"status":"up"}}, plus {@code database} (state, restarts, ...) when the launcher runs
     * the embedded MariaDB; 503 {@code database_failed} once its supervisor has failed to start it
     * again {@code FAILED_AFTER} times in a row, so that an outer supervisor restarts the node.
     */
    static Map<String, Object> live(java.util.Optional<Map<String, Object>> database) {
        if (database.isEmpty()) {
            return Map.of("status", "up");
        }
        Map<String, Object> state = database.get();
        if ("failed".equals(state.get("state"))) {
            throw new UnavailableException("database_failed", "the embedded database could not be started again since "
                    + state.get("since") + " (" + state.get("restartFailures") + " failed attempts)");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "up");
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("embedded", true);
        db.putAll(state);
        db.remove("port");
        db.remove("pid");
        body.put("database", db);
        return body;
    }

    private Map<String, Object> ready() {
        return answer(readiness.check(database));
    }

    /** 200 with the checks, or 503 {@code not_ready} naming only failed checks and module ids. */
    static Map<String, Object> answer(Readiness.Report report) {
        if (!report.ready()) {
            StringBuilder why = new StringBuilder("not ready:");
            report.checks().forEach((check, state) -> why.append(' ').append(check).append('=').append(state));
            if (!report.inactiveModules().isEmpty()) {
                why.append("; inactive modules: ").append(String.join(", ", report.inactiveModules()));
            }
            throw new UnavailableException("not_ready", why.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ready");
        body.put("checks", report.checks());
        return body;
    }
}
