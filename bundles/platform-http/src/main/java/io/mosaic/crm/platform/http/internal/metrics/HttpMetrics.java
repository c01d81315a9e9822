package io.mosaic.crm.platform.http.internal.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Follows the optional {@link MetricRegistry} service: while one is bound, requests are recorded
 * and the thread pool is exposed; without one, the pipeline records nothing and pays nothing.
 * A greedy rebind (new registry before the old one goes) is handled by identity.
 */
public final class HttpMetrics {
    private final Consumer<RequestMetrics> recorder;
    private final IntSupplier inFlight;
    private final QueuedThreadPool pool;
    private final Map<String, Supplier<Number>> gauges;
    private MetricRegistry bound;
    private RequestMetrics current;

    /** @param recorder receives the recorder to use from now on, or null for none */
    public HttpMetrics(Consumer<RequestMetrics> recorder, IntSupplier inFlight, QueuedThreadPool pool) {
        this(recorder, inFlight, pool, Map.of());
    }

    /** @param gauges more figures of the server, by metric name, read live while a registry is bound */
    public HttpMetrics(Consumer<RequestMetrics> recorder, IntSupplier inFlight, QueuedThreadPool pool,
            Map<String, Supplier<Number>> gauges) {
        this.recorder = recorder;
        this.inFlight = inFlight;
        this.pool = pool;
        this.gauges = Map.copyOf(gauges);
    }

    public synchronized void bind(MetricRegistry registry) {
        if (bound != null) {
            unbind(bound);
        }
        current = new RequestMetrics(registry, inFlight);
        ThreadPoolGauges.register(registry, pool);
        gauges.forEach((name, read) -> {
            registry.remove(name);
            registry.register(name, (Gauge<Number>) read::get);
        });
        bound = registry;
        recorder.accept(current);
    }

    public synchronized void unbind(MetricRegistry registry) {
        if (registry != bound) {
            return;
        }
        recorder.accept(null);
        current.close();
        ThreadPoolGauges.remove(registry);
        gauges.keySet().forEach(registry::remove);
        bound = null;
        current = null;
    }
}
