package io.mosaic.crm.platform.cache.internal;

import java.time.Duration;

/** How big a cache may grow (heap entries) and how long an entry lives ({@link Duration#ZERO}: for ever). */
record Sizing(long heapEntries, Duration ttl) {

    /** These values, with the ones {@code override} sets replacing them. */
    Sizing with(Overrides override) {
        return override == null ? this : new Sizing(
                override.heapEntries() == null ? heapEntries : override.heapEntries(),
                override.ttl() == null ? ttl : override.ttl());
    }

    /** What an operator's configuration sets for a cache; {@code null} keeps the module's default. */
    record Overrides(Long heapEntries, Duration ttl) {}
}
