package io.mosaic.crm.platform.admin.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link PluginReplacement}'s figures as gauges in platform-monitoring's registry:
 * {@code plugins.replaced} (jars that updated a plugin under a new file name),
 * {@code plugins.replaced.copies} (byte-identical copies set aside) and
 * {@code plugins.replaced.failures} (jars that could not update the plugin).
 */
final class ReplacementMeters {
    final AtomicLong replacements = new AtomicLong();
    final AtomicLong copies = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    private MetricRegistry bound;

    synchronized void bind(MetricRegistry registry) {
        unbindAll();
        gauges().forEach((name, value) -> {
            registry.remove(name);
            registry.register(name, (Gauge<Long>) value::get);
        });
        bound = registry;
    }

    synchronized void unbind(MetricRegistry registry) {
        if (registry == bound) {
            gauges().keySet().forEach(registry::remove);
            bound = null;
        }
    }

    synchronized void unbindAll() {
        if (bound != null) {
            unbind(bound);
        }
    }

    private Map<String, AtomicLong> gauges() {
        return Map.of("plugins.replaced", replacements, "plugins.replaced.copies", copies,
                "plugins.replaced.failures", failures);
    }
}
