package io.mosaic.crm.platform.security.internal;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.password.Argon2Slots;
import io.mosaic.crm.platform.security.internal.password.HashCost;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.testing.TestMariaDb;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;

/** The component as DS would build it: real MariaDB, real Flyway, outside a framework. */
class PlatformSecurityTest {
    @TempDir
    Path dataDir;

    /** What platform-db does for a module: Flyway with the module's class loader, own history table. */
    private static final class FlywayDatabase implements Database {
        final String url = TestMariaDb.shared().freshDatabase("security_component");
        final Jdbi jdbi = Jdbi.create(url, TestMariaDb.shared().user(), TestMariaDb.shared().password());
        final List<String> migrated = new ArrayList<>();

        @Override
        public Jdbi jdbi() {
            return jdbi;
        }

        @Override
        public void migrate(String moduleId, ClassLoader classLoader) {
            migrated.add(moduleId);
            Flyway.configure(classLoader).dataSource(url, TestMariaDb.shared().user(), TestMariaDb.shared().password())
                    .locations("classpath:db/" + moduleId).table("flyway_" + moduleId).load().migrate();
        }
    }

    private BundleContext contextWith(Map<String, String> properties) {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SecuritySettings settings(int cacheSeconds, int maxFailed, int lockoutSeconds) {
        return settings(cacheSeconds, maxFailed, lockoutSeconds, 0);
    }

    private static SecuritySettings settings(int cacheSeconds, int maxFailed, int lockoutSeconds, int hashSlots) {
        return new SecuritySettings() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return SecuritySettings.class;
            }

            @Override
            public int credentialCacheSeconds() {
                return cacheSeconds;
            }

            @Override
            public int tokenCacheSeconds() {
                return cacheSeconds;
            }

            @Override
            public int maxFailedLogins() {
                return maxFailed;
            }

            @Override
            public int lockoutSeconds() {
                return lockoutSeconds;
            }

            @Override
            public int maxFailuresPerAddress() {
                return 50;
            }

            @Override
            public int addressWindowSeconds() {
                return 600;
            }

            @Override
            public int sessionIdleSeconds() {
                return 1800;
            }

            @Override
            public int sessionAbsoluteSeconds() {
                return 43200;
            }

            @Override
            public String trustedProxies() {
                return "";
            }

            @Override
            public int passwordHashSlots() {
                return hashSlots;
            }

            @Override
            public int passwordHashWaitMillis() {
                return 2000;
            }
        };
    }

    @Test
    void migrates_its_schema_creates_the_admin_and_authenticates_with_the_written_password() throws Exception {
        var database = new FlywayDatabase();

        var security = new PlatformSecurity(database, contextWith(Map.of("mosaic.data", dataDir.toString())),
                settings(60, 10, 300));

        assertThat(database.migrated).containsExactly("security");
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        assertThat(security.authenticate(basic("admin", password), "127.0.0.1")).isPresent();
        assertThat(security.authenticate(basic("admin", password + "x"), "127.0.0.1")).isEmpty();
        assertThat(security.name()).isEqualTo("security");
        assertThat(security.facts()).containsEntry("credentialCacheEntries", 1).containsKey("passwordVerifications");
    }

    @Test
    void a_second_activation_on_the_same_database_keeps_the_first_admin() throws Exception {
        var database = new FlywayDatabase();
        new PlatformSecurity(database, contextWith(Map.of("mosaic.data", dataDir.toString())), settings(60, 10, 300));
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();

        var again = new PlatformSecurity(database, contextWith(Map.of()), settings(60, 10, 300));

        assertThat(again.authenticate(basic("admin", password), "127.0.0.1")).isPresent();
    }

    @Test
    void applies_changed_settings_live() throws Exception {
        var database = new FlywayDatabase();
        var security = new PlatformSecurity(database, contextWith(Map.of("mosaic.data", dataDir.toString())),
                settings(60, 10, 300));
        String password = Files.readString(dataDir.resolve("initial-admin-password")).strip();
        security.authenticate(basic("admin", password), "127.0.0.1");

        security.apply(settings(0, 1, 300));

        assertThat(security.facts()).containsEntry("credentialCacheEntries", 0);
        security.authenticate(basic("admin", "wrong"), "127.0.0.1");
        assertThat(security.authenticate(basic("admin", password), "127.0.0.1")).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void sizes_the_password_checker_from_the_heap_by_default_and_resizes_it_live() throws Exception {
        var security = new PlatformSecurity(new FlywayDatabase(), contextWith(Map.of()), settings(60, 10, 300));
        var checks = (Map<String, Object>) security.facts().get("passwordChecks");
        assertThat(checks).containsEntry("slots", Argon2Slots.defaultPermits(HashCost.OWASP))
                .containsEntry("waitMillis", 2000L);

        security.apply(settings(60, 10, 300, 3));

        checks = (Map<String, Object>) security.facts().get("passwordChecks");
        assertThat(checks).containsEntry("slots", 3).containsKeys("waits", "rejections", "coalesced", "verifications");
    }
}
