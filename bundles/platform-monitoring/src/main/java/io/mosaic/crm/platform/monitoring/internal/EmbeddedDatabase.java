package io.mosaic.crm.platform.monitoring.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The embedded MariaDB as the launcher's supervisor sees it (a {@code Supplier<Map<String, Object>>}
 * service with {@code mosaic.service=database.supervisor}, registered by the launcher; absent with an
 * external database). Its figures become gauges: {@code db.embedded.up} (1 or 0),
 * {@code db.embedded.restarts}, {@code db.embedded.restart_failures}, {@code db.embedded.exits}; and the
 * runtime facts section {@code embeddedDb} (all of its figures, pid and port included).
 */
@Component(service = {EmbeddedDatabase.class, RuntimeFacts.class})
public final class EmbeddedDatabase implements RuntimeFacts {
    static final String FILTER = "(mosaic.service=database.supervisor)";
    private static final String PREFIX = "db.embedded.";

    private Supplier<Map<String, Object>> supervisor;
    private MetricRegistry registry;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, target = FILTER)
    synchronized void bindSupervisor(Supplier<Map<String, Object>> next) {
        supervisor = next;
        refreshGauges();
    }

    synchronized void unbindSupervisor(Supplier<Map<String, Object>> gone) {
        if (supervisor == gone) {
            supervisor = null;
            refreshGauges();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMetrics(MetricRegistry next) {
        if (registry != null) {
            removeGauges();
        }
        registry = next;
        refreshGauges();
    }

    synchronized void unbindMetrics(MetricRegistry gone) {
        if (registry == gone) {
            removeGauges();
            registry = null;
        }
    }

    /** The supervisor's figures now; empty with an external database. */
    Optional<Map<String, Object>> state() {
        Supplier<Map<String, Object>> current;
        synchronized (this) {
            current = supervisor;
        }
        return current == null ? Optional.empty() : Optional.of(current.get());
    }

    @Override
    public String name() {
        return "embeddedDb";
    }

    @Override
    public Map<String, Object> facts() {
        return state().<Map<String, Object>>map(s -> {
            Map<String, Object> facts = new java.util.LinkedHashMap<>();
            facts.put("embedded", true);
            facts.putAll(s);
            return facts;
        }).orElse(Map.of("embedded", false));
    }

    private void refreshGauges() {
        if (registry == null) {
            return;
        }
        removeGauges();
        if (supervisor == null) {
            return;
        }
        registry.register(PREFIX + "up", (Gauge<Integer>) () -> "up".equals(figure("state")) ? 1 : 0);
        registry.register(PREFIX + "restarts", (Gauge<Long>) () -> number("restarts"));
        registry.register(PREFIX + "restart_failures", (Gauge<Long>) () -> number("restartFailures"));
        registry.register(PREFIX + "exits", (Gauge<Long>) () -> number("exits"));
    }

    private void removeGauges() {
        registry.removeMatching((name, metric) -> name.startsWith(PREFIX));
    }

    private Object figure(String key) {
        return state().map(s -> s.get(key)).orElse(null);
    }

    private long number(String key) {
        return figure(key) instanceof Number n ? n.longValue() : 0;
    }
}
