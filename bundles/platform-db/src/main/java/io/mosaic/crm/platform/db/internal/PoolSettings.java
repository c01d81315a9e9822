package io.mosaic.crm.platform.db.internal;

import java.util.function.UnaryOperator;

/**
 * The pool settings actually in force: the configuration with its empty credentials filled from
 * the framework properties, checked and normalized. Free of OSGi so tests build it directly.
 */
record PoolSettings(
        String url,
        String user,
        String password,
        int maximumPoolSize,
        int minimumIdle,
        long connectionTimeoutMillis,
        int queryTimeoutSeconds,
        long leakDetectionThresholdMillis) {

    static final String URL_PROPERTY = "mosaic.db.url";
    static final String USER_PROPERTY = "mosaic.db.user";
    static final String PASSWORD_PROPERTY = "mosaic.db.password";

    PoolSettings {
        if (url == null || !url.startsWith("jdbc:mariadb:")) {
            throw new IllegalArgumentException("the database URL must start with jdbc:mariadb: but is "
                    + (url == null || url.isBlank() ? "not set (configure url or " + URL_PROPERTY + ")" : MariaDbUrl.redacted(url)));
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
        if (maximumPoolSize < 1 || maximumPoolSize > 500) {
            throw new IllegalArgumentException("maximumPoolSize must be 1..500 but is " + maximumPoolSize);
        }
        if (minimumIdle < 0) {
            throw new IllegalArgumentException("minimumIdle must not be negative but is " + minimumIdle);
        }
        minimumIdle = Math.min(minimumIdle, maximumPoolSize);
        if (connectionTimeoutMillis < 250) {
            throw new IllegalArgumentException("connectionTimeoutMillis must be at least 250 but is " + connectionTimeoutMillis);
        }
        if (queryTimeoutSeconds < 0) {
            throw new IllegalArgumentException("queryTimeoutSeconds must be 0 (none) or positive but is " + queryTimeoutSeconds);
        }
        if (leakDetectionThresholdMillis != 0 && leakDetectionThresholdMillis < 2000) {
            throw new IllegalArgumentException(
                    "leakDetectionThresholdMillis must be 0 (off) or at least 2000 but is " + leakDetectionThresholdMillis);
        }
    }

    /** Settings from the configuration; empty url, user and password come from the framework properties. */
    static PoolSettings from(DbSettings config, UnaryOperator<String> frameworkProperty) {
        return new PoolSettings(
                orProperty(config.url(), frameworkProperty, URL_PROPERTY),
                orProperty(config.user(), frameworkProperty, USER_PROPERTY),
                orProperty(config.password(), frameworkProperty, PASSWORD_PROPERTY),
                config.maximumPoolSize(),
                config.minimumIdle(),
                config.connectionTimeoutMillis(),
                config.queryTimeoutSeconds(),
                config.leakDetectionThresholdMillis());
    }

    /** Whether connections made under these settings reach the same server as the same user. */
    boolean sameConnectionAs(PoolSettings other) {
        return url.equals(other.url) && user.equals(other.user) && password.equals(other.password);
    }

    @Override
    public String toString() {
        return "PoolSettings[url=" + MariaDbUrl.redacted(url) + ", user=" + user + ", maximumPoolSize=" + maximumPoolSize
                + ", minimumIdle=" + minimumIdle + ", connectionTimeoutMillis=" + connectionTimeoutMillis
                + ", queryTimeoutSeconds=" + queryTimeoutSeconds
                + ", leakDetectionThresholdMillis=" + leakDetectionThresholdMillis + "]";
    }

    private static String orProperty(String configured, UnaryOperator<String> frameworkProperty, String key) {
        if (configured != null && !configured.isEmpty()) {
            return configured;
        }
        String value = frameworkProperty.apply(key);
        return value == null ? "" : value.trim();
    }
}
