package io.mosaic.crm.platform.monitoring.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metered;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The registry as JSON for the console: metrics grouped by kind, then by base name, one entry per
 * label set. Durations in milliseconds, rates per second; non-finite numbers become {@code null}.
 */
final class MetricsJson {
    private static final double MILLIS_PER_NANO = 1e-6;

    private MetricsJson() {
    }

    static Map<String, Object> render(MetricRegistry registry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", registry != null);
        if (registry == null) {
            return out;
        }
        out.put("durationUnit", "ms");
        out.put("rateUnit", "per_second");
        Map<String, Map<String, List<Map<String, Object>>>> kinds = new LinkedHashMap<>();
        for (String kind : List.of("timers", "meters", "histograms", "counters", "gauges")) {
            kinds.put(kind, new TreeMap<>());
        }
        registry.getMetrics().forEach((name, metric) -> {
            MetricName parsed = MetricName.parse(name);
            Map<String, Object> entry = entry(metric);
            if (entry != null) {
                Map<String, Object> labelled = new LinkedHashMap<>();
                labelled.put("labels", parsed.labels());
                labelled.putAll(entry);
                kinds.get(kindOf(metric)).computeIfAbsent(parsed.base(), b -> new ArrayList<>()).add(labelled);
            }
        });
        out.putAll(kinds);
        return out;
    }

    private static String kindOf(Metric metric) {
        if (metric instanceof Timer) {
            return "timers";
        }
        if (metric instanceof Meter) {
            return "meters";
        }
        if (metric instanceof Histogram) {
            return "histograms";
        }
        return metric instanceof Counter ? "counters" : "gauges";
    }

    private static Map<String, Object> entry(Metric metric) {
        Map<String, Object> e = new LinkedHashMap<>();
        if (metric instanceof Timer timer) {
            e.put("count", timer.getCount());
            rates(e, timer);
            snapshot(e, timer.getSnapshot(), MILLIS_PER_NANO);
        } else if (metric instanceof Meter meter) {
            e.put("count", meter.getCount());
            rates(e, meter);
        } else if (metric instanceof Histogram histogram) {
            e.put("count", histogram.getCount());
            snapshot(e, histogram.getSnapshot(), 1);
        } else if (metric instanceof Counter counter) {
            e.put("count", counter.getCount());
        } else if (metric instanceof Gauge<?> gauge) {
            Object value;
            try {
                value = gauge.getValue();
            } catch (RuntimeException e1) {
                return null;
            }
            if (!(value instanceof Number || value instanceof Boolean)) {
                return null;
            }
            e.put("value", value instanceof Number n && !Double.isFinite(n.doubleValue()) ? null : value);
        } else {
            return null;
        }
        return e;
    }

    private static void rates(Map<String, Object> e, Metered m) {
        e.put("meanRate", finite(m.getMeanRate()));
        e.put("oneMinuteRate", finite(m.getOneMinuteRate()));
        e.put("fiveMinuteRate", finite(m.getFiveMinuteRate()));
        e.put("fifteenMinuteRate", finite(m.getFifteenMinuteRate()));
    }

    private static void snapshot(Map<String, Object> e, Snapshot s, double scale) {
        e.put("min", s.getMin() * scale);
        e.put("mean", finite(s.getMean() * scale));
        e.put("p50", s.getMedian() * scale);
        e.put("p75", s.get75thPercentile() * scale);
        e.put("p95", s.get95thPercentile() * scale);
        e.put("p99", s.get99thPercentile() * scale);
        e.put("p999", s.get999thPercentile() * scale);
        e.put("max", s.getMax() * scale);
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
