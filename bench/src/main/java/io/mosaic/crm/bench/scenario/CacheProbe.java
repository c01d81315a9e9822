package io.mosaic.crm.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one platform cache's counters from {@code GET /api/platform/runtime} (section {@code cache}) before and after
 * a measurement, so a scenario can say how often its reads really hit, and resizes the cache live through its factory
 * configuration {@code io.mosaic.crm.cache~<name>}.
 */
final class CacheProbe {
    private final BenchContext ctx;
    private final String name;

    CacheProbe(BenchContext ctx, String name) {
        this.ctx = ctx;
        this.name = name;
    }

    /** Counters at one moment; {@code present} is false when Mosaic has no such cache (no platform-cache). */
    record Counters(boolean present, long hits, long misses, long size, long capacity) {
        /** Hits among the reads between {@code before} and this, e.g. "hit ratio 99.98 % (12,345 hits, 2 misses)". */
        String since(Counters before) {
            if (!present || !before.present) {
                return "no cache statistics (GET /api/platform/runtime has no cache section)";
            }
            long h = hits - before.hits;
            long m = misses - before.misses;
            double ratio = h + m == 0 ? Double.NaN : 100.0 * h / (h + m);
            return String.format(Locale.ROOT, "hit ratio %.2f %% (%,d hits, %,d misses; %,d of %,d entries held)",
                    ratio, h, m, size, capacity);
        }

        double hitRatioSince(Counters before) {
            long h = hits - before.hits;
            long m = misses - before.misses;
            return h + m == 0 ? Double.NaN : (double) h / (h + m);
        }
    }

    Counters read() throws Exception {
        JsonNode c = Http.getJson(ctx.mosaic.baseUrl() + "/api/platform/runtime", ctx.mosaic.adminAuthorization())
                .path("cache").path(name);
        if (!c.isObject()) {
            return new Counters(false, 0, 0, 0, 0);
        }
        return new Counters(true, c.path("hits").asLong(), c.path("misses").asLong(), c.path("size").asLong(),
                c.path("capacity").asLong());
    }

    String pid() {
        return "io.mosaic.crm.cache~" + name;
    }

    /** The configured heap size, or -1 when the cache has no configuration to read. */
    long heapEntries() {
        try {
            return ctx.configuration(pid()).path("heapEntries").asLong(-1);
        } catch (Exception e) {
            return -1;
        }
    }

    void heapEntries(long entries) throws Exception {
        ctx.configure(pid(), Map.of("heapEntries", entries));
    }
}
