package io.mosaic.crm.platform.http.internal.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Records every answered request in a registry: {@code http.server.requests;method=M;route=R}
 * timers (R is the route pattern, or {@code unmatched}), {@code http.server.responses;class=Nxx}
 * meters and the {@code http.server.inflight} gauge. Lives from the moment a registry is bound
 * until it goes; {@link #close} removes what it registered.
 */
public final class RequestMetrics {
    /** The request attribute under which the pipeline leaves the matched route pattern. */
    public static final String ROUTE_ATTRIBUTE = "io.mosaic.crm.http.route";
    static final String REQUESTS = "http.server.requests";
    static final String RESPONSES = "http.server.responses";
    static final String IN_FLIGHT = "http.server.inflight";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");

    private record Key(String method, String route) {}

    private final MetricRegistry registry;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Meter[] responses = new Meter[6];

    public RequestMetrics(MetricRegistry registry, IntSupplier inFlight) {
        this.registry = registry;
        for (int statusClass = 1; statusClass <= 5; statusClass++) {
            responses[statusClass] = registry.meter(RESPONSES + ";class=" + statusClass + "xx");
        }
        registry.remove(IN_FLIGHT);
        registry.register(IN_FLIGHT, (Gauge<Integer>) inFlight::getAsInt);
    }

    /**
     * @param route the matched route pattern, or null when no route matched
     * @param nanos the time from receiving the request until its answer is ready to be written
     */
    public void record(String method, Object route, int status, long nanos) {
        Key key = new Key(METHODS.contains(method) ? method : "OTHER", route == null ? "unmatched" : route.toString());
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> registry.timer(
                    REQUESTS + ";method=" + k.method() + ";route=" + k.route(),
                    () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build())));
        }
        timer.update(nanos, TimeUnit.NANOSECONDS);
        int statusClass = status / 100;
        if (statusClass >= 1 && statusClass <= 5) {
            responses[statusClass].mark();
        }
    }

    /** Removes this recorder's metrics from the registry. */
    public void close() {
        registry.removeMatching((name, metric) -> name.startsWith(REQUESTS + ";") || name.startsWith(RESPONSES + ";")
                || name.equals(IN_FLIGHT));
    }
}
