package io.mosaic.crm.bench;

import java.time.Duration;

/**
 * How big and how long: {@code quick} (under 3 minutes with the build, small data, short runs) or {@code full}
 * (1M rows per main table, under 20 minutes).
 *
 * @param throughputConnections keep-alive connections for the req/s scenarios
 * @param latencyConnections    connections for the p95 scenarios (modest concurrency: latency, not queueing)
 * @param writeConnections      connections (Mosaic) and threads (raw JDBC) for the create scenario
 */
public record Profile(String name, long accounts, long contacts, Duration warmup, Duration run, int repetitions,
                      int throughputConnections, int latencyConnections, int writeConnections, long bulkRows,
                      int boots, int keysetPages) {

    // Time budget of full on a busy 2-core machine (quick run of 2026-11-23 scaled): build ~4 min, first start
    // 20 s, 1M + 1M rows ~3.5 min, bulk-load ~1 min, three two-sided scenarios 3 x ~80 s, monitoring-overhead
    // ~110 s, two latency scenarios 2 x ~35 s, boot ~75 s: about 17 minutes.
    public static final Profile QUICK = new Profile("quick", 20_000, 50_000, Duration.ofSeconds(2),
            Duration.ofSeconds(2), 3, 32, 4, 16, 20_000, 2, 3);
    public static final Profile FULL = new Profile("full", 1_000_000, 1_000_000, Duration.ofSeconds(5),
            Duration.ofSeconds(6), 5, 32, 4, 16, 100_000, 5, 10);

    /** Repetitions per side where the goal is finer than the noise (monitoring-overhead: 3 %): quick 4, full 8. */
    public int fineRepetitions() {
        return repetitions + (repetitions >= 5 ? 3 : 1);
    }

    /** The same profile with another number of repetitions (for a scenario that needs a finer median). */
    public Profile withRepetitions(int n) {
        return new Profile(name, accounts, contacts, warmup, run, n, throughputConnections, latencyConnections,
                writeConnections, bulkRows, boots, keysetPages);
    }

    public static Profile named(String name) {
        return switch (name) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("profile quick|full, not " + name);
        };
    }
}
