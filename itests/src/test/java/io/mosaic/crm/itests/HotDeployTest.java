package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Jars dropped into, replaced in and deleted from plugins/ are installed, updated and uninstalled live. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class HotDeployTest {
    private static final String ECHO = "io.mosaic.crm.testing.echo";

    @RegisterExtension   // a server of its own: installs, replaces and removes plugins
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void a_dropped_jar_is_started_a_replaced_one_updated_and_a_deleted_one_uninstalled() throws Exception {
        MosaicClient admin = server.admin();
        assertThat(admin.get("/api/echo").status()).isEqualTo(404);

        TestPlugins.drop(server, "echo.jar", TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"),
                Map.of("Bundle-Version", "1.0.0")));
        TestPlugins.await(server, 60, "the dropped plugin serves", () -> admin.get("/api/echo").status() == 200);
        JsonNode installed = bundle(admin, ECHO);
        assertThat(installed.path("state").asText()).isEqualTo("ACTIVE");
        assertThat(installed.path("version").asText()).isEqualTo("1.0.0");
        assertThat(admin.get("/api/platform/modules/echo").json().path("state").asText()).isEqualTo("ACTIVE");

        TestPlugins.drop(server, "echo.jar", TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"),
                Map.of("Bundle-Version", "2.0.0")));
        TestPlugins.await(server, 60, "the replaced plugin serves its new version",
                () -> "2.0.0".equals(admin.get("/api/echo").json().path("version").asText()));
        assertThat(bundle(admin, ECHO).path("id").asLong()).as("updated in place").isEqualTo(installed.path("id").asLong());

        TestPlugins.remove(server, "echo.jar");
        TestPlugins.await(server, 60, "the deleted plugin is uninstalled", () -> bundle(admin, ECHO) == null);
        assertThat(admin.get("/api/echo").status()).isEqualTo(404);
        assertThat(admin.get("/api/customers/accounts").status()).isEqualTo(200);
    }

    @Test
    void a_jar_that_cannot_resolve_is_reported_and_harms_nothing() throws Exception {
        MosaicClient admin = server.admin();
        var faulty = TestPlugins.jar("faulty");
        byte[] unresolvable = TestPlugins.withHeaders(faulty, Map.of(
                "Bundle-SymbolicName", "io.mosaic.crm.testing.unresolvable",
                "Mosaic-Module", "unresolvable;path=/api/unresolvable",
                "Import-Package", TestPlugins.header(faulty, "Import-Package") + ",io.mosaic.nowhere;version=\"[1,2)\""));

        TestPlugins.drop(server, "unresolvable.jar", unresolvable);
        TestPlugins.await(server, 60, "the broken plugin is installed",
                () -> bundle(admin, "io.mosaic.crm.testing.unresolvable") != null);

        JsonNode broken = bundle(admin, "io.mosaic.crm.testing.unresolvable");
        assertThat(broken.path("state").asText()).isEqualTo("INSTALLED");
        assertThat(broken.path("problems").toString()).contains("io.mosaic.nowhere");
        TestPlugins.await(server, 30, "the wiring failure is logged", () -> server.log().contains("io.mosaic.nowhere"));
        var unavailable = admin.get("/api/unresolvable/anything");
        assertThat(unavailable.status()).isEqualTo(503);
        assertThat(unavailable.error()).isEqualTo("module_unavailable");
        assertThat(admin.get("/api/customers/accounts").status()).isEqualTo(200);
        assertThat(admin.get("/api/platform/modules").status()).isEqualTo(200);

        TestPlugins.remove(server, "unresolvable.jar");
        TestPlugins.await(server, 60, "the broken plugin is uninstalled",
                () -> bundle(admin, "io.mosaic.crm.testing.unresolvable") == null);
    }

    @Test
    void a_module_disabled_on_purpose_answers_503_at_once_and_is_not_parked() throws Exception {
        MosaicClient admin = server.admin();
        TestPlugins.drop(server, "toggled.jar", TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of(
                "Bundle-SymbolicName", "io.mosaic.crm.testing.toggled", "Mosaic-Module", "toggled;path=/api/toggled")));
        TestPlugins.await(server, 60, "the plugin serves", () -> admin.get("/api/toggled").status() == 200);
        long parkedBefore = parkedTotal(admin);

        assertThat(admin.post("/api/platform/modules/toggled/disable", null).status()).isEqualTo(200);
        var disabled = admin.get("/api/toggled");

        assertThat(disabled.status()).isEqualTo(503);
        assertThat(disabled.error()).isEqualTo("module_unavailable");
        assertThat(parkedTotal(admin)).as("a deliberate stop parks nothing").isEqualTo(parkedBefore);
        assertThat(admin.post("/api/platform/modules/toggled/enable", null).status()).isEqualTo(200);
        assertThat(admin.get("/api/toggled").status()).isEqualTo(200);
        TestPlugins.remove(server, "toggled.jar");
    }

    @Test
    void a_jar_under_a_new_name_updates_the_plugin_in_place_and_moves_the_old_file_aside() throws Exception {
        MosaicClient admin = server.admin();
        String name = "io.mosaic.crm.testing.renamed";
        TestPlugins.drop(server, "renamed-1.0.0.jar", renamed(name, "1.0.0"));
        TestPlugins.await(server, 60, "1.0.0 serves", () -> "1.0.0".equals(version(admin, "/api/renamed")));
        long id = bundle(admin, name).path("id").asLong();
        int logFrom = server.log().length();

        TestPlugins.drop(server, "renamed-1.0.1.jar", renamed(name, "1.0.1"));
        TestPlugins.await(server, 60, "1.0.1 serves", () -> "1.0.1".equals(version(admin, "/api/renamed")));
        TestPlugins.await(server, 60, "the old file is moved aside",
                () -> Files.isRegularFile(plugins().resolve(".replaced/renamed-1.0.0.jar")));
        assertThat(plugins().resolve("renamed-1.0.0.jar")).doesNotExist();

        // FileInstall sees the old file gone; the plugin must survive that and take later updates
        TestPlugins.drop(server, "renamed-1.0.1.jar", renamed(name, "1.0.2"));
        TestPlugins.await(server, 60, "the update of the new file serves", () -> "1.0.2".equals(version(admin, "/api/renamed"))
                && bundle(admin, name).path("state").asText().equals("ACTIVE"));
        assertThat(bundlesNamed(admin, name)).as("one bundle").isEqualTo(1);
        assertThat(bundle(admin, name).path("id").asLong()).as("updated in place").isEqualTo(id);
        assertThat(modulesWithId(admin, "renamed")).as("listed once").isEqualTo(1);
        JsonNode file = StreamSupport.stream(admin.get("/api/platform/plugins").json().path("items").spliterator(), false)
                .filter(f -> f.path("file").asText().equals("renamed-1.0.1.jar")).findFirst().orElseThrow();
        assertThat(file.path("installed").asBoolean()).isTrue();
        assertThat(file.path("bundleId").asLong()).isEqualTo(id);
        assertThat(admin.get("/metrics").body()).containsPattern("(?m)^mosaic_plugins_replaced [1-9]");
        assertThat(server.log().substring(logFrom)).doesNotContain(" ERROR ");

        // rolling back is the same move the other way round
        Files.move(plugins().resolve(".replaced/renamed-1.0.0.jar"), plugins().resolve("renamed-1.0.0.jar"),
                StandardCopyOption.ATOMIC_MOVE);
        TestPlugins.await(server, 60, "the old jar serves again and the newer one is moved aside",
                () -> "1.0.0".equals(version(admin, "/api/renamed"))
                        && Files.isRegularFile(plugins().resolve(".replaced/renamed-1.0.1.jar")));
        assertThat(bundlesNamed(admin, name)).isEqualTo(1);
        assertThat(bundle(admin, name).path("id").asLong()).isEqualTo(id);

        TestPlugins.remove(server, "renamed-1.0.0.jar");
        TestPlugins.await(server, 60, "the deleted plugin is uninstalled", () -> bundle(admin, name) == null);
        Files.delete(plugins().resolve(".replaced/renamed-1.0.1.jar"));
    }

    @Test
    void a_second_file_of_the_same_name_and_version_never_takes_the_plugin_away() throws Exception {
        MosaicClient admin = server.admin();
        String name = "io.mosaic.crm.testing.copied";
        byte[] original = TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of("Bundle-SymbolicName", name,
                "Bundle-Version", "1.0.0", "Mosaic-Module", "copied;path=/api/copied"));
        TestPlugins.drop(server, "copied.jar", original);
        TestPlugins.await(server, 60, "the plugin serves", () -> admin.get("/api/copied").status() == 200);
        long id = bundle(admin, name).path("id").asLong();
        int logFrom = server.log().length();

        TestPlugins.drop(server, "copied-copy.jar", original);   // a byte-identical copy: set aside, nothing changes
        TestPlugins.await(server, 60, "the copy is moved aside", () -> Files.exists(plugins().resolve(".replaced/copied-copy.jar")));
        assertThat(plugins().resolve("copied-copy.jar")).doesNotExist();
        Files.delete(plugins().resolve(".replaced/copied-copy.jar"));
        assertThat(admin.get("/api/copied").status()).isEqualTo(200);

        TestPlugins.drop(server, "copied.jar", TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of(
                "Bundle-SymbolicName", name, "Bundle-Version", "1.0.1", "Mosaic-Module", "copied;path=/api/copied")));
        TestPlugins.await(server, 60, "the original file still updates the plugin",
                () -> "1.0.1".equals(version(admin, "/api/copied")));

        // same name and version, other bytes, under a second name: it updates the plugin, copied.jar goes aside
        TestPlugins.drop(server, "copied-patched.jar", TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of(
                "Bundle-SymbolicName", name, "Bundle-Version", "1.0.1", "Mosaic-Module", "copied;path=/api/copied",
                "X-Patched", "yes")));
        TestPlugins.await(server, 60, "the original is moved aside", () -> Files.exists(plugins().resolve(".replaced/copied.jar")));
        TestPlugins.drop(server, "copied-patched.jar", TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of(
                "Bundle-SymbolicName", name, "Bundle-Version", "1.0.2", "Mosaic-Module", "copied;path=/api/copied")));
        TestPlugins.await(server, 60, "the patched file updates the plugin", () -> "1.0.2".equals(version(admin, "/api/copied")));
        assertThat(bundlesNamed(admin, name)).isEqualTo(1);
        assertThat(bundle(admin, name).path("id").asLong()).isEqualTo(id);
        String log = server.log().substring(logFrom);
        assertThat(log).doesNotContain(" ERROR ").doesNotContain("has been uninstalled");

        TestPlugins.remove(server, "copied-patched.jar");
        TestPlugins.await(server, 60, "the deleted plugin is uninstalled", () -> bundle(admin, name) == null);
        Files.delete(plugins().resolve(".replaced/copied.jar"));
    }

    @Test
    void a_plugin_taken_over_by_a_new_file_keeps_its_state_across_a_restart() throws Exception {
        MosaicClient admin = server.admin();
        String name = "io.mosaic.crm.testing.restarted";
        TestPlugins.drop(server, "restarted-1.jar", restarted(name, "1.0.0"));
        TestPlugins.await(server, 60, "1.0.0 serves", () -> "1.0.0".equals(version(admin, "/api/restarted")));
        TestPlugins.drop(server, "restarted-2.jar", restarted(name, "2.0.0"));
        TestPlugins.await(server, 60, "2.0.0 serves, the old file is moved aside", () -> "2.0.0".equals(version(admin,
                "/api/restarted")) && Files.isRegularFile(plugins().resolve(".replaced/restarted-1.jar")));
        assertThat(admin.post("/api/platform/modules/restarted/disable", null).status()).isEqualTo(200);

        server.stop();
        server.start();

        MosaicClient again = server.admin();
        TestPlugins.await(server, 60, "the plugin is installed again", () -> bundle(again, name) != null);
        JsonNode bundle = bundle(again, name);
        assertThat(bundle.path("location").asText()).endsWith("/plugins/restarted-2.jar");
        assertThat(bundle.path("version").asText()).isEqualTo("2.0.0");
        assertThat(bundlesNamed(again, name)).isEqualTo(1);
        assertThat(again.get("/api/platform/modules/restarted").json().path("enabled").asBoolean()).as("still disabled").isFalse();
        assertThat(again.post("/api/platform/modules/restarted/enable", null).status()).isEqualTo(200);
        assertThat(version(again, "/api/restarted")).isEqualTo("2.0.0");

        TestPlugins.drop(server, "restarted-2.jar", restarted(name, "3.0.0"));
        TestPlugins.await(server, 60, "the new file updates it", () -> "3.0.0".equals(version(again, "/api/restarted")));
        assertThat(bundle(again, name).path("id").asLong()).isEqualTo(bundle.path("id").asLong());
        TestPlugins.remove(server, "restarted-2.jar");
        TestPlugins.await(server, 60, "the deleted plugin is uninstalled", () -> bundle(again, name) == null);
        Files.delete(plugins().resolve(".replaced/restarted-1.jar"));
    }

    private static byte[] restarted(String name, String version) throws Exception {
        return TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of("Bundle-SymbolicName", name,
                "Bundle-Version", version, "Mosaic-Module", "restarted;path=/api/restarted"));
    }

    private static byte[] renamed(String name, String version) throws Exception {
        return TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of("Bundle-SymbolicName", name,
                "Bundle-Version", version, "Mosaic-Module", "renamed;path=/api/renamed"));
    }

    private static Path plugins() {
        return server.home().resolve("plugins");
    }

    private static String version(MosaicClient admin, String path) {
        var answer = admin.get(path);
        return answer.status() == 200 ? answer.json().path("version").asText() : null;
    }

    private static long bundlesNamed(MosaicClient admin, String symbolicName) {
        return StreamSupport.stream(admin.get("/api/platform/bundles").json().path("items").spliterator(), false)
                .filter(b -> b.path("symbolicName").asText().equals(symbolicName)).count();
    }

    private static long modulesWithId(MosaicClient admin, String id) {
        return StreamSupport.stream(admin.get("/api/platform/modules").json().path("items").spliterator(), false)
                .filter(m -> m.path("id").asText().equals(id)).count();
    }

    private static long parkedTotal(MosaicClient admin) {
        return admin.get("/api/platform/runtime").json().path("http").path("parking").path("parkedTotal").asLong();
    }

    /** The bundle in GET /api/platform/bundles, or null. */
    static JsonNode bundle(MosaicClient admin, String symbolicName) {
        for (JsonNode bundle : admin.get("/api/platform/bundles").json().path("items")) {
            if (bundle.path("symbolicName").asText().equals(symbolicName)) {
                return bundle;
            }
        }
        return null;
    }
}
