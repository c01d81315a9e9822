package io.mosaic.crm.platform.http.internal.metrics;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The Jetty request thread pool as {@code jetty.threads.busy|idle|min|max|queue} gauges, read
 * live from the pool (so a retuned pool shows its new bounds at once).
 */
public final class ThreadPoolGauges {
    private static final Map<String, Function<QueuedThreadPool, Integer>> GAUGES = Map.of(
            "jetty.threads.busy", QueuedThreadPool::getBusyThreads,
            "jetty.threads.idle", QueuedThreadPool::getIdleThreads,
            "jetty.threads.min", QueuedThreadPool::getMinThreads,
            "jetty.threads.max", QueuedThreadPool::getMaxThreads,
            "jetty.threads.queue", QueuedThreadPool::getQueueSize);

    private ThreadPoolGauges() {
    }

    public static void register(MetricRegistry registry, QueuedThreadPool pool) {
        GAUGES.forEach((name, read) -> {
            registry.remove(name);
            registry.register(name, (Gauge<Integer>) () -> read.apply(pool));
        });
    }

    public static void remove(MetricRegistry registry) {
        GAUGES.keySet().forEach(registry::remove);
    }
}
