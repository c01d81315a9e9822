package io.mosaic.crm.platform.tuning.internal.catalogue;

import java.util.Locale;
import java.util.Map;

/**
 * When a parameter change takes effect: {@code immediate} (the component applies it in its
 * {@code @Modified} at once) or {@code lazy} (it converges later, as threads go idle, entries are
 * evicted or a housekeeper runs), with a one-line reason. Known parameters have their own rule;
 * anything else is applied by its component's {@code @Modified} when ConfigAdmin delivers it.
 */
public record Applies(String when, String why) {
    public static final String IMMEDIATE = "immediate";
    public static final String LAZY = "lazy";

    private static final Map<String, Applies> KNOWN = Map.ofEntries(
            Map.entry("io.mosaic.crm.http/maxThreads", new Applies(LAZY,
                    "raising applies at once (QueuedThreadPool.setMaxThreads); lowering is lazy: surplus threads end only when idle")),
            Map.entry("io.mosaic.crm.http/minThreads", new Applies(LAZY,
                    "Jetty starts or retires idle threads toward the minimum as they time out, not at once")),
            Map.entry("io.mosaic.crm.http/idleTimeoutMillis", new Applies(IMMEDIATE,
                    "set on the connector at once; connections already idle use the new timeout from their next check")),
            Map.entry("io.mosaic.crm.http/port", new Applies(IMMEDIATE,
                    "a new connector is opened on the new port before the old one closes")),
            Map.entry("io.mosaic.crm.http/host", new Applies(IMMEDIATE,
                    "a new connector is opened on the new address before the old one closes")),
            Map.entry("io.mosaic.crm.db/maximumPoolSize", new Applies(IMMEDIATE,
                    "HikariConfigMXBean.setMaximumPoolSize: waiting callers get new connections at once; "
                            + "lowering closes surplus connections as they are returned")),
            Map.entry("io.mosaic.crm.db/minimumIdle", new Applies(LAZY,
                    "Hikari's housekeeper (every 30 s) opens or retires idle connections toward it")),
            Map.entry("io.mosaic.crm.db/connectionTimeoutMillis", new Applies(IMMEDIATE,
                    "applied on every borrow by platform-db, not only when Hikari's housekeeper runs")),
            Map.entry("io.mosaic.crm.db/queryTimeoutSeconds", new Applies(IMMEDIATE,
                    "every statement started after the change")),
            Map.entry("io.mosaic.crm.db/leakDetectionThresholdMillis", new Applies(LAZY,
                    "Hikari's housekeeper picks it up within 30 s")),
            Map.entry("io.mosaic.crm.db/url", new Applies(IMMEDIATE,
                    "a new pool is opened; the old one closes when its borrowed connections return")),
            Map.entry("io.mosaic.crm.db/user", new Applies(IMMEDIATE,
                    "a new pool is opened; the old one closes when its borrowed connections return")));

    private static final Applies CACHE_HEAP = new Applies(LAZY,
            "Ehcache updateResourcePools: growing applies at once; shrinking is lazy, entries are evicted on the next puts");
    private static final Applies CACHE_TTL = new Applies(LAZY, "applies to entries written after the change");
    private static final Applies DEFAULT = new Applies(IMMEDIATE,
            "delivered to the component's @Modified method by ConfigAdmin at once");

    /** The rule for a key of a PID; {@code factoryPid} is null for singleton configurations. */
    public static Applies of(String pid, String factoryPid, String key) {
        Applies known = KNOWN.get(pid + "/" + key);
        if (known != null) {
            return known;
        }
        String base = factoryPid != null ? factoryPid : pid;
        if (base.startsWith("io.mosaic.crm.cache")) {
            String lower = key.toLowerCase(Locale.ROOT);
            if (lower.contains("heap") || lower.contains("entries") || lower.contains("size")) {
                return CACHE_HEAP;
            }
            if (lower.contains("ttl") || lower.contains("expir")) {
                return CACHE_TTL;
            }
        }
        return DEFAULT;
    }

    /** A short unit guessed from the key's name: {@code ...Millis} → ms, and so on; null when none. */
    public static String unit(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.endsWith("millis") || k.endsWith("ms")) {
            return "ms";
        }
        if (k.endsWith("seconds")) {
            return "s";
        }
        if (k.endsWith("bytes")) {
            return "bytes";
        }
        if (k.endsWith("threads")) {
            return "threads";
        }
        if (k.endsWith("poolsize") || k.equals("minimumidle")) {
            return "connections";
        }
        if (k.contains("entries") || k.contains("heap")) {
            return "entries";
        }
        return null;
    }
}
