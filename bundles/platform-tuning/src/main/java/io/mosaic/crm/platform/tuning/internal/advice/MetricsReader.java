package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.Map;

/**
 * Readings from platform-monitoring's metric registry, by the names of the shared metric contract
 * ({@code base;label=value}). Internal: published by {@link RegistryMetrics} only while a registry is there.
 */
public interface MetricsReader {

    /** A timer: count, one-minute rate per second, and times in milliseconds. */
    record Timing(long count, double ratePerSecond, double meanMillis, double p95Millis, double p99Millis, double maxMillis) {}

    /** A meter: count and one-minute rate per second. */
    record Rate(long count, double ratePerSecond) {}

    /** Timers whose name is {@code base} or starts with {@code base;}, by full name. */
    Map<String, Timing> timers(String base);

    /** Meters whose name is {@code base} or starts with {@code base;}, by full name. */
    Map<String, Rate> meters(String base);

    /** Numeric gauges whose name is {@code base} or starts with {@code base;}, by full name. */
    Map<String, Double> gauges(String base);

    /** The value of label {@code label} in a metric name such as {@code cache.hits;cache=accounts}, or null. */
    static String label(String name, String label) {
        for (String part : name.split(";")) {
            if (part.startsWith(label + "=")) {
                return part.substring(label.length() + 1);
            }
        }
        return null;
    }
}
