package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Jars dropped into, replaced in and deleted from plugins/ are installed, updated and uninstalled live. */
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
