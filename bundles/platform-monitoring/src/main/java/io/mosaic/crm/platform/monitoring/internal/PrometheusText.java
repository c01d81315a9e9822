package io.mosaic.crm.platform.monitoring.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a registry in the Prometheus text exposition format 0.0.4. Every name gets the prefix
 * {@code mosaic_}; dots and other characters outside {@code [a-zA-Z0-9_:]} become {@code _}.
 * <ul>
 *   <li>Timer: summary {@code <name>_seconds} with quantiles and {@code _count}, plus gauge
 *       {@code <name>_max_seconds};
 *   <li>Histogram: summary {@code <name>} with quantiles and {@code _count};
 *   <li>Meter: counter {@code <name>_total};
 *   <li>Gauge (numeric or boolean) and Counter: gauge {@code <name>}; other gauges are left out. A
 *       gauge whose name would end in a suffix Prometheus reserves ({@code _total}, {@code _count},
 *       {@code _sum}, {@code _bucket}) gets {@code _value} appended: {@code db.pool.total} is
 *       {@code mosaic_db_pool_total_value}.
 * </ul>
 * Families are written in name order, each with one HELP and one TYPE line.
 */
final class PrometheusText {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    static final String PREFIX = "mosaic_";
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.99, 0.999};
    private static final double SECONDS_PER_NANO = 1e-9;
    private static final String[] RESERVED_SUFFIXES = {"_total", "_count", "_sum", "_bucket"};

    private PrometheusText() {
    }

    static String render(MetricRegistry registry) {
        Map<String, Family> families = new TreeMap<>();
        registry.getMetrics().forEach((name, metric) -> add(families, MetricName.parse(name), metric));
        StringBuilder out = new StringBuilder(8192);
        families.values().forEach(family -> family.writeTo(out));
        return out.toString();
    }

    private static void add(Map<String, Family> families, MetricName name, Metric metric) {
        String base = sanitize(PREFIX + name.base());
        if (metric instanceof Timer timer) {
            Snapshot s = timer.getSnapshot();
            Family summary = family(families, base + "_seconds", "summary", name.base() + " (seconds)");
            quantiles(summary, base + "_seconds", name.labels(), s, SECONDS_PER_NANO);
            summary.sample(base + "_seconds_count", name.labels(), null, timer.getCount());
            family(families, base + "_max_seconds", "gauge", name.base() + " slowest recent (seconds)")
                    .sample(base + "_max_seconds", name.labels(), null, s.getMax() * SECONDS_PER_NANO);
        } else if (metric instanceof Histogram histogram) {
            Family summary = family(families, base, "summary", name.base());
            quantiles(summary, base, name.labels(), histogram.getSnapshot(), 1);
            summary.sample(base + "_count", name.labels(), null, histogram.getCount());
        } else if (metric instanceof Meter meter) {
            family(families, base + "_total", "counter", name.base() + " (events)")
                    .sample(base + "_total", name.labels(), null, meter.getCount());
        } else if (metric instanceof Counter counter) {
            String gaugeName = gaugeName(base);
            family(families, gaugeName, "gauge", name.base()).sample(gaugeName, name.labels(), null, counter.getCount());
        } else if (metric instanceof Gauge<?> gauge) {
            Double value = numeric(gauge);
            if (value != null) {
                String gaugeName = gaugeName(base);
                family(families, gaugeName, "gauge", name.base()).sample(gaugeName, name.labels(), null, value);
            }
        }
    }

    private static String gaugeName(String base) {
        for (String reserved : RESERVED_SUFFIXES) {
            if (base.endsWith(reserved)) {
                return base + "_value";
            }
        }
        return base;
    }

    private static void quantiles(Family family, String name, Map<String, String> labels, Snapshot s, double scale) {
        for (double q : QUANTILES) {
            family.sample(name, labels, Double.toString(q), s.getValue(q) * scale);
        }
    }

    private static Family family(Map<String, Family> families, String name, String type, String help) {
        Family family = families.computeIfAbsent(name, n -> new Family(n, type, help));
        // two metrics of different kinds sanitized to one name: keep the first kind only
        return family.type.equals(type) ? family : new Family(name, type, help);
    }

    private static Double numeric(Gauge<?> gauge) {
        Object value;
        try {
            value = gauge.getValue();
        } catch (RuntimeException e) {
            return null; // a gauge of a pool that is closing: leave it out of this scrape
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1.0 : 0.0;
        }
        return null;
    }

    /** A metric or label name: {@code [a-zA-Z_:][a-zA-Z0-9_:]*}. */
    static String sanitize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':' || c >= '0' && c <= '9';
            out.append(ok ? c : '_');
        }
        if (out.length() == 0 || out.charAt(0) >= '0' && out.charAt(0) <= '9') {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** A label value: backslash, double quote and line feed escaped. */
    static String escapeLabel(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** HELP text: backslash and line feed escaped. */
    static String escapeHelp(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String number(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "+Inf" : "-Inf";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    private static final class Family {
        private final String name;
        private final String type;
        private final String help;
        private final StringBuilder samples = new StringBuilder();

        Family(String name, String type, String help) {
            this.name = name;
            this.type = type;
            this.help = help;
        }

        void sample(String sampleName, Map<String, String> labels, String quantile, double value) {
            samples.append(sampleName);
            if (!labels.isEmpty() || quantile != null) {
                samples.append('{');
                String separator = "";
                for (Map.Entry<String, String> label : labels.entrySet()) {
                    samples.append(separator).append(sanitize(label.getKey())).append("=\"")
                            .append(escapeLabel(label.getValue())).append('"');
                    separator = ",";
                }
                if (quantile != null) {
                    samples.append(separator).append("quantile=\"").append(quantile).append('"');
                }
                samples.append('}');
            }
            samples.append(' ').append(number(value)).append('\n');
        }

        void writeTo(StringBuilder out) {
            out.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
            out.append(samples);
        }
    }
}
