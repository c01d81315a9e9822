package io.mosaic.crm.platform.tuning.internal.advice;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricFilter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Reads platform-monitoring's {@link MetricRegistry}. A component of its own so that the rest of
 * the bundle never loads a Dropwizard class: without platform-monitoring (and metrics-core) this
 * component stays unsatisfied and the advisor works from the runtime facts alone.
 */
@Component(service = MetricsReader.class)
public final class RegistryMetrics implements MetricsReader {
    private static final double NANOS_PER_MILLI = TimeUnit.MILLISECONDS.toNanos(1);
    private final MetricRegistry registry;

    @Activate
    public RegistryMetrics(@Reference MetricRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Map<String, Timing> timers(String base) {
        Map<String, Timing> result = new TreeMap<>();
        registry.getTimers(named(base)).forEach((name, timer) -> result.put(name, timing(timer)));
        return result;
    }

    @Override
    public Map<String, Rate> meters(String base) {
        Map<String, Rate> result = new TreeMap<>();
        registry.getMeters(named(base)).forEach((name, meter) -> result.put(name, rate(meter)));
        return result;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Map<String, Double> gauges(String base) {
        Map<String, Double> result = new TreeMap<>();
        for (Map.Entry<String, Gauge> e : registry.getGauges(named(base)).entrySet()) {
            if (e.getValue().getValue() instanceof Number n) {
                result.put(e.getKey(), n.doubleValue());
            }
        }
        return result;
    }

    private static MetricFilter named(String base) {
        return (name, metric) -> name.equals(base) || name.startsWith(base + ";");
    }

    private static Timing timing(Timer timer) {
        Snapshot s = timer.getSnapshot();
        return new Timing(timer.getCount(), timer.getOneMinuteRate(), s.getMean() / NANOS_PER_MILLI,
                s.get95thPercentile() / NANOS_PER_MILLI, s.get99thPercentile() / NANOS_PER_MILLI, s.getMax() / NANOS_PER_MILLI);
    }

    private static Rate rate(Meter meter) {
        return new Rate(meter.getCount(), meter.getOneMinuteRate());
    }
}
