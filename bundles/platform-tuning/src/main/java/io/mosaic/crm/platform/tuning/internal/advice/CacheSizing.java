package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Cache heap sizes from hit ratio and eviction rate: a full cache that evicts while it misses
 * holds less than its working set; doubling its heap is the recommendation (ratio and rates shown).
 */
final class CacheSizing {
    private CacheSizing() {
    }

    /** @param parameterOf cache name and a hint → the (pid, key) of its heap size, if one is configured */
    static List<Advice> advise(Optional<MetricsReader> metrics, BiFunction<String, String, Optional<Advice.Target>> parameterOf) {
        if (metrics.isEmpty()) {
            return List.of();
        }
        MetricsReader m = metrics.get();
        Map<String, MetricsReader.Rate> hits = m.meters("cache.hits");
        Map<String, MetricsReader.Rate> misses = m.meters("cache.misses");
        Map<String, MetricsReader.Rate> evictions = m.meters("cache.evictions");
        Map<String, Double> sizes = m.gauges("cache.size");
        Map<String, Double> capacities = m.gauges("cache.capacity");
        List<Advice> advice = new ArrayList<>();
        for (var entry : hits.entrySet()) {
            String cache = MetricsReader.label(entry.getKey(), "cache");
            if (cache == null) {
                continue;
            }
            double hitRate = entry.getValue().ratePerSecond();
            double missRate = rate(misses, "cache.misses;cache=" + cache);
            double evictRate = rate(evictions, "cache.evictions;cache=" + cache);
            double size = sizes.getOrDefault("cache.size;cache=" + cache, -1.0);
            double capacity = capacities.getOrDefault("cache.capacity;cache=" + cache, -1.0);
            double lookups = hitRate + missRate;
            double ratio = lookups > 0 ? hitRate / lookups : 1;
            boolean full = capacity > 0 && size >= 0.9 * capacity;
            if (!full || evictRate <= 0.01 || ratio >= 0.9 || lookups <= 0) {
                continue;
            }
            long recommended = (long) Math.ceil(capacity * 2);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("hitRatio", Window.round1(ratio * 100) + "%");
            evidence.put("lookupsPerSecond", Window.round1(lookups));
            evidence.put("evictionsPerSecond", Window.round1(evictRate));
            evidence.put("size", (long) size);
            evidence.put("capacity", (long) capacity);
            String reason = String.format(Locale.ROOT, "Cache %s is full (%d of %d entries), evicts %.1f entries/s and "
                    + "hits only %.0f%% of %.1f lookups/s: its working set is larger than its heap. Doubling the heap "
                    + "to %d entries should raise the hit ratio; watch the evictions and JVM heap after the change.",
                    cache, (long) size, (long) capacity, evictRate, ratio * 100, lookups, recommended);
            Advice.Target target = parameterOf.apply(cache, "heap").orElse(null);
            advice.add(new Advice("cache." + cache + ".heap", "warning", target, (long) capacity, recommended, reason, evidence));
        }
        return advice;
    }

    private static double rate(Map<String, MetricsReader.Rate> rates, String name) {
        MetricsReader.Rate r = rates.get(name);
        return r == null ? 0 : r.ratePerSecond();
    }
}
