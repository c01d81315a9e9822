package io.mosaic.crm.platform.db.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testing.TestMariaDb;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;

/** The component as SCR drives it, without a framework: activate, modify, deactivate. */
class MariaDbDatabaseTest {
    private final TestMariaDb db = TestMariaDb.shared();
    private MariaDbDatabase database;

    @AfterEach
    void deactivate() {
        if (database != null) {
            database.deactivate();
        }
    }

    @Test
    void connects_with_the_launchers_framework_properties_when_unconfigured() {
        String url = db.freshDatabase("component");
        database = new MariaDbDatabase(frameworkWith(Map.of(
                "mosaic.db.url", url, "mosaic.db.user", db.user(), "mosaic.db.password", db.password())),
                TestSettings.config(Map.of()));

        database.migrate("alpha", getClass().getClassLoader());

        assertThat(Sql.integer(database.jdbi(), "SELECT COUNT(*) FROM alpha_note"))
                .isZero();
        assertThat(database.name()).isEqualTo("db");
        assertThat(database.facts()).containsEntry("maximumPoolSize", 16).containsEntry("url", url);
    }

    @Test
    void applies_a_valid_change_and_keeps_serving_through_an_invalid_one() {
        database = new MariaDbDatabase(frameworkWith(Map.of()),
                TestSettings.config(Map.of("url", db.freshDatabase("component"), "user", db.user())));
        var jdbi = database.jdbi();

        database.modified(TestSettings.config(Map.of("url", database.facts().get("url"), "user", db.user(),
                "maximumPoolSize", 5)));
        database.modified(TestSettings.config(Map.of("url", database.facts().get("url"), "user", db.user(),
                "maximumPoolSize", 0)));

        assertThat(database.facts()).containsEntry("maximumPoolSize", 5);
        assertThat(database.jdbi()).isSameAs(jdbi);
        assertThat(Sql.integer(jdbi, "SELECT 1")).isEqualTo(1);
    }

    private static BundleContext frameworkWith(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
