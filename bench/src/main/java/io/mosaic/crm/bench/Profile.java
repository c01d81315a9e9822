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

    public static final Profile QUICK = new Profile("quick", 20_000, 50_000, Duration.ofSeconds(2),
            Duration.ofSeconds(2), 3, 32, 4, 16, 50_000, 3, 3);
    public static final Profile FULL = new Profile("full", 1_000_000, 1_000_000, Duration.ofSeconds(10),
            Duration.ofSeconds(12), 5, 32, 4, 16, 250_000, 5, 10);

    public static Profile named(String name) {
        return switch (name) {
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("profile quick|full, not " + name);
        };
    }
}
