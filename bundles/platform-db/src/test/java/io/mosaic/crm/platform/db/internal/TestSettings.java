package io.mosaic.crm.platform.db.internal;

import io.mosaic.crm.testing.TestMariaDb;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Settings for tests: pools over the shared test MariaDB, and configuration annotations as ConfigAdmin would give them. */
final class TestSettings {
    private TestSettings() {
    }

    static PoolSettings pool(String url, int maximumPoolSize, int queryTimeoutSeconds) {
        TestMariaDb db = TestMariaDb.shared();
        return new PoolSettings(url, db.user(), db.password(), maximumPoolSize, 1, 3000, queryTimeoutSeconds, 0);
    }

    static PoolSettings withMaximum(PoolSettings s, int maximumPoolSize) {
        return new PoolSettings(s.url(), s.user(), s.password(), maximumPoolSize, s.minimumIdle(),
                s.connectionTimeoutMillis(), s.queryTimeoutSeconds(), s.leakDetectionThresholdMillis());
    }

    static PoolSettings withConnectionTimeout(PoolSettings s, long millis) {
        return new PoolSettings(s.url(), s.user(), s.password(), s.maximumPoolSize(), s.minimumIdle(),
                millis, s.queryTimeoutSeconds(), s.leakDetectionThresholdMillis());
    }

    static PoolSettings withQueryTimeout(PoolSettings s, int seconds) {
        return new PoolSettings(s.url(), s.user(), s.password(), s.maximumPoolSize(), s.minimumIdle(),
                s.connectionTimeoutMillis(), seconds, s.leakDetectionThresholdMillis());
    }

    static PoolSettings withConnection(PoolSettings s, String url, String user) {
        return new PoolSettings(url, user, s.password(), s.maximumPoolSize(), s.minimumIdle(),
                s.connectionTimeoutMillis(), s.queryTimeoutSeconds(), s.leakDetectionThresholdMillis());
    }

    /** A {@link DbSettings} as DS builds it from a configuration: given values, else the declared defaults. */
    static DbSettings config(Map<String, Object> values) {
        return (DbSettings) Proxy.newProxyInstance(DbSettings.class.getClassLoader(), new Class<?>[] {DbSettings.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "annotationType" -> DbSettings.class;
                    case "toString" -> "DbSettings" + values;
                    case "hashCode" -> values.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> values.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
