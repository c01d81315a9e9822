package io.mosaic.crm.bench.load;

/**
 * What one load run measured. Latencies in milliseconds; {@code failed} counts socket errors, timeouts and
 * responses that were not 2xx.
 */
public record Measurement(long requests, double seconds, long failed, double p50Ms, double p95Ms, double p99Ms,
                          double maxMs) {

    public double perSecond() {
        return seconds <= 0 ? 0 : requests / seconds;
    }

    /** For measurements that are not HTTP requests (JDBC inserts, bulk loads): a rate and no latencies. */
    public static Measurement rate(long operations, double seconds) {
        return new Measurement(operations, seconds, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
}
