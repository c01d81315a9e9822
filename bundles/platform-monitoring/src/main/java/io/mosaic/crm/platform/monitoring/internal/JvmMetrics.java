package io.mosaic.crm.platform.monitoring.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.MetricSet;
import com.codahale.metrics.jvm.CachedThreadStatesGaugeSet;
import com.codahale.metrics.jvm.GarbageCollectorMetricSet;
import com.codahale.metrics.jvm.MemoryUsageGaugeSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Registers the JVM metrics of metrics-jvm under {@code jvm.*}, with memory pools, collectors and
 * thread states as labels rather than in the name:
 * <ul>
 *   <li>{@code jvm.memory.heap.used|committed|max|init} (bytes), {@code jvm.memory.heap.usage} (ratio),
 *       the same for {@code non-heap} and {@code total}; {@code jvm.memory.pool.used;pool=G1-Eden-Space} etc.
 *   <li>{@code jvm.gc.collections;gc=G1-Young-Generation}, {@code jvm.gc.time.seconds;gc=...} (cumulative)
 *   <li>{@code jvm.threads.live|daemon|peak|started|deadlocked}, {@code jvm.threads.state;state=runnable} etc.
 * </ul>
 */
final class JvmMetrics {
    private JvmMetrics() {
    }

    static void register(MetricRegistry registry) {
        each(new MemoryUsageGaugeSet(), (name, metric) -> registry.register(memoryName(name), metric));
        each(new GarbageCollectorMetricSet(), (name, metric) -> {
            String gc = name.substring(0, name.lastIndexOf('.'));
            if (name.endsWith(".count")) {
                registry.register("jvm.gc.collections;gc=" + gc, metric);
            } else if (name.endsWith(".time") && metric instanceof Gauge<?> millis) {
                registry.register("jvm.gc.time.seconds;gc=" + gc,
                        (Gauge<Double>) () -> ((Number) millis.getValue()).doubleValue() / 1000.0);
            }
        });
        each(new CachedThreadStatesGaugeSet(1, TimeUnit.SECONDS), (name, metric) -> {
            String threads = threadName(name);
            if (threads != null) {
                registry.register(threads, metric);
            }
        });
    }

    private static void each(MetricSet set, BiConsumer<String, Metric> action) {
        for (Map.Entry<String, Metric> entry : set.getMetrics().entrySet()) {
            action.accept(entry.getKey(), entry.getValue());
        }
    }

    static String memoryName(String name) {
        if (name.startsWith("pools.")) {
            int field = name.lastIndexOf('.');
            return "jvm.memory.pool." + name.substring(field + 1) + ";pool=" + name.substring("pools.".length(), field);
        }
        return "jvm.memory." + name;
    }

    /** Null for the set of deadlocked thread descriptions, which is not a number. */
    static String threadName(String name) {
        return switch (name) {
            case "count" -> "jvm.threads.live";
            case "daemon.count" -> "jvm.threads.daemon";
            case "peak.count" -> "jvm.threads.peak";
            case "total_started.count" -> "jvm.threads.started";
            case "deadlock.count" -> "jvm.threads.deadlocked";
            case "deadlocks" -> null;
            default -> name.endsWith(".count")
                    ? "jvm.threads.state;state=" + name.substring(0, name.length() - ".count".length())
                    : null;
        };
    }
}
