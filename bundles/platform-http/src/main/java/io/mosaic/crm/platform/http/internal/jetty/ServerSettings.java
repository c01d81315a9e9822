package io.mosaic.crm.platform.http.internal.jetty;

/** What the embedded server is told; plain values so that tests need no OSGi configuration. */
public record ServerSettings(String host, int port, int minThreads, int maxThreads, long idleTimeoutMillis,
        long drainTimeoutMillis) {

    public ServerSettings {
        if (minThreads < 1 || maxThreads < minThreads) {
            throw new IllegalArgumentException("threads need 1 <= minThreads <= maxThreads, got " + minThreads + ".." + maxThreads);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public boolean sameAddress(ServerSettings other) {
        return host.equals(other.host) && port == other.port;
    }
}
