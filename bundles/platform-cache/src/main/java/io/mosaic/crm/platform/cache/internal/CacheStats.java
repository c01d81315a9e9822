package io.mosaic.crm.platform.cache.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one cache did and holds, read at one moment. */
record CacheStats(String name, String owner, long hits, long misses, long puts, long evictions, long size, long capacity,
        long ttlSeconds) {

    double hitRatio() {
        long reads = hits + misses;
        return reads == 0 ? 0 : (double) hits / reads;
    }

    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("owner", owner);
        map.put("hits", hits);
        map.put("misses", misses);
        map.put("hitRatio", Math.round(hitRatio() * 10_000) / 10_000.0);
        map.put("puts", puts);
        map.put("evictions", evictions);
        map.put("size", size);
        map.put("capacity", capacity);
        map.put("ttlSeconds", ttlSeconds);
        return map;
    }
}
