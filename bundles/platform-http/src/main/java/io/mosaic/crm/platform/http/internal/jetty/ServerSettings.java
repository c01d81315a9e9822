package io.mosaic.crm.platform.http.internal.jetty;

/**
 * What the embedded server is told; plain values so that tests need no OSGi configuration.
 *
 * @param bodyTimeoutMillis a request body must have arrived this long after the request began (0: no limit)
 * @param minBodyBytesPerSecond after a grace of two seconds, the least average rate of a body (0: none)
 * @param anonymousSharePercent the share of {@code maxThreads} requests without credentials may hold
 */
public record ServerSettings(String host, int port, int minThreads, int maxThreads, long idleTimeoutMillis,
        long drainTimeoutMillis, long bodyTimeoutMillis, long minBodyBytesPerSecond, int anonymousSharePercent) {
    public static final long DEFAULT_BODY_TIMEOUT_MILLIS = 10_000;
    public static final long DEFAULT_MIN_BODY_BYTES_PER_SECOND = 1024;
    public static final int DEFAULT_ANONYMOUS_SHARE_PERCENT = 50;

    public ServerSettings {
        if (minThreads < 1 || maxThreads < minThreads) {
            throw new IllegalArgumentException("threads need 1 <= minThreads <= maxThreads, got " + minThreads + ".." + maxThreads);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (anonymousSharePercent < 1 || anonymousSharePercent > 100) {
            throw new IllegalArgumentException("anonymousSharePercent must be 1..100, got " + anonymousSharePercent);
        }
    }

    /** With the default body limits and anonymous share. */
    public ServerSettings(String host, int port, int minThreads, int maxThreads, long idleTimeoutMillis,
            long drainTimeoutMillis) {
        this(host, port, minThreads, maxThreads, idleTimeoutMillis, drainTimeoutMillis, DEFAULT_BODY_TIMEOUT_MILLIS,
                DEFAULT_MIN_BODY_BYTES_PER_SECOND, DEFAULT_ANONYMOUS_SHARE_PERCENT);
    }

    public boolean sameAddress(ServerSettings other) {
        return host.equals(other.host) && port == other.port;
    }
}
