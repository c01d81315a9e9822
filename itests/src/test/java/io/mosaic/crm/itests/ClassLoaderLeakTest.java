package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Installing and uninstalling the example plugin 20 times leaves none of its class loaders behind:
 * after a garbage collection every one is collected (the platform's diagnostics hold them only
 * through weak references). The plugin is exercised in each cycle — routes with JSON bodies, its
 * cache, its metrics, its event listener, the OpenAPI document — so a platform cache or registry
 * that keeps a plugin class shows up here.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class ClassLoaderLeakTest {
    private static final int CYCLES = 20;
    private static final String DIAGNOSTICS = "/api/platform/diagnostics/classloaders?symbolicName=" + ExamplePlugin.SYMBOLIC_NAME;

    @RegisterExtension   // a server of its own: installs and uninstalls a plugin, counts its class loaders
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void twenty_install_and_uninstall_cycles_leave_no_class_loader_of_the_plugin_reachable() throws Exception {
        MosaicClient admin = server.admin();
        byte[] jar = ExamplePlugin.jar();
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            TestPlugins.drop(server, ExamplePlugin.FILE, jar);
            TestPlugins.await(server, 30, "cycle " + cycle + ": the plugin serves", () -> admin.get(ExamplePlugin.BALANCE).status() == 200);
            exercise(admin, cycle);
            TestPlugins.remove(server, ExamplePlugin.FILE);
            TestPlugins.await(server, 30, "cycle " + cycle + ": the plugin is gone", () -> ExamplePlugin.gone(admin.get(ExamplePlugin.BALANCE)));
            assertThat(admin.get("/api/metadata/loyalty/tiers").status()).as("its record type left the metadata").isEqualTo(404);
        }

        JsonNode report = admin.get(DIAGNOSTICS).json();
        for (int attempt = 0; attempt < 20 && report.path("retained").asInt() > 0; attempt++) {
            Thread.sleep(500);   // a collector may need a few rounds (and the last uninstall its refresh)
            report = admin.get(DIAGNOSTICS).json();
        }
        System.out.println("class loaders of " + ExamplePlugin.SYMBOLIC_NAME + " after " + CYCLES + " cycles: " + report);
        assertThat(report.path("retained").asInt()).as("plugin class loaders still reachable: " + report).isZero();
        assertThat(report.path("collected").asInt()).isGreaterThanOrEqualTo(CYCLES);
        assertThat(report.path("current").asInt()).isZero();
    }

    @Test
    void the_diagnostics_need_the_modules_admin_permission() {
        assertThat(server.anonymous().get(DIAGNOSTICS).status()).isEqualTo(401);
        assertThat(server.admin().get(DIAGNOSTICS).status()).isEqualTo(200);
    }

    private static void exercise(MosaicClient admin, int cycle) {
        var created = admin.post("/api/customers/accounts", "{\"name\":\"Leak check " + cycle + "\"}");
        assertThat(created.status()).isEqualTo(201);
        long account = created.json().path("id").asLong();      // the plugin awards points only to existing accounts
        assertThat(admin.post("/api/loyalty/accounts/" + account + "/awards", "{\"points\":10,\"reason\":\"cycle\"}").status())
                .isEqualTo(201);
        assertThat(admin.post("/api/loyalty/accounts/" + account + "/redemptions", "{\"points\":9999}").status()).isEqualTo(422);
        // 10, plus the 100 welcome points once the account's CREATED event reached the plugin
        assertThat(admin.get("/api/loyalty/accounts/" + account + "/balance").json().path("points").asLong()).isIn(10L, 110L);
        assertThat(admin.get("/api/loyalty/accounts/" + account + "/history").status()).isEqualTo(200);
        assertThat(admin.get("/api/openapi.json").body()).contains("/api/loyalty").contains("TierCreate");
        var tier = admin.post("/api/loyalty/tiers", "{\"name\":\"Cycle " + cycle + "\",\"minPoints\":" + cycle + "}");
        assertThat(tier.status()).as(tier.body()).isEqualTo(201);           // a record type of the plugin, served by the kit
        assertThat(admin.patch(tier.header("Location"), "{\"active\":false}", "\"1\"").status()).isEqualTo(200);
        assertThat(admin.get(tier.header("Location") + "/history").json().path("items")).hasSize(2);
        assertThat(admin.get("/api/loyalty/tiers?q=Cycle&sort=-minPoints").status()).isEqualTo(200);
        assertThat(admin.get("/api/metadata/loyalty/tiers").status()).isEqualTo(200);
        admin.get("/metrics");
    }
}
