package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A plugin that throws, loops, fails to activate or fails to resolve leaves every other module
 * serving (issue 6, acceptance 4): the customers API answers 200 throughout, the faulty routes get
 * clean errors, repeated failures trip the plugin's circuit breaker, and the platform still starts.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class IsolationTest {
    private static final String THROWN = "IllegalStateException: the faulty plugin failed, as it always does";

    @RegisterExtension   // a server of its own: installs faulty plugins, retunes HTTP timeouts, restarts
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void a_plugin_that_throws_loops_or_cannot_resolve_leaves_every_other_module_serving() throws Exception {
        MosaicClient admin = server.admin();
        var tuned = admin.patch("/api/platform/config/io.mosaic.crm.http",
                "{\"handlerTimeoutMillis\": 3000, \"breakerFailures\": 5, \"breakerCooldownMillis\": 600000}", null);
        assertThat(tuned.status()).as(tuned.body()).isEqualTo(200);

        LoadLoop customers = new LoadLoop(server.admin(), "/api/customers/accounts", 200, 4, 1_000_000);
        try {
            dropFaultyPlugins();
            TestPlugins.await(server, 60, "the faulty plugin serves", () -> admin.get("/api/faulty/ok").status() == 200);
            TestPlugins.await(server, 30, "its failed component is logged",
                    () -> server.log().contains("refuses to activate"));

            for (int i = 0; i < 3; i++) {
                var thrown = admin.get("/api/faulty/throw");
                assertThat(thrown.status()).isEqualTo(500);
                assertThat(thrown.error()).isEqualTo("internal_error");
                assertThat(thrown.body()).doesNotContain("always does");
            }
            for (int i = 0; i < 2; i++) {
                var looping = admin.get("/api/faulty/loop");
                assertThat(looping.status()).isEqualTo(503);
                assertThat(looping.error()).isEqualTo("handler_timeout");
            }

            var tripped = admin.get("/api/faulty/ok");
            assertThat(tripped.status()).as("5 failures open the breaker").isEqualTo(503);
            assertThat(tripped.error()).isEqualTo("circuit_open");
            assertThat(tripped.header("Retry-After")).isNotBlank();
            var breaker = admin.get("/api/platform/modules/faulty/breaker").json();
            assertThat(breaker.path("state").asText()).isEqualTo("OPEN");
            assertThat(breaker.path("lastProblem").asText()).contains("time budget");
            assertThat(admin.get("/api/platform/runtime").json().path("http").path("breakers").path("faulty")
                    .path("state").asText()).isEqualTo("OPEN");

            TestPlugins.await(server, 60, "the unresolvable plugin is installed",
                    () -> HotDeployTest.bundle(admin, "io.mosaic.crm.testing.unresolvable") != null);
            assertThat(HotDeployTest.bundle(admin, "io.mosaic.crm.testing.unresolvable").path("state").asText())
                    .isEqualTo("INSTALLED");

            var reset = admin.post("/api/platform/modules/faulty/breaker/reset", null);
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
            assertThat(reset.json().path("state").asText()).isEqualTo("CLOSED");
            assertThat(admin.get("/api/faulty/ok").status()).isEqualTo(200);
        } finally {
            customers.close();
        }

        assertThat(customers.failures()).as("failed customers requests").isEmpty();
        assertThat(customers.succeeded()).isPositive();
        assertThat(server.log().split(THROWN, -1).length - 1)
                .as("one stack trace for the same failure within a minute; the repeats are counted").isEqualTo(1);
        assertThat(admin.get("/metrics").body()).containsPattern("mosaic_http_server_failures_suppressed [2-9]")
                .containsPattern("mosaic_http_server_internal_errors [3-9]");
    }

    @Test
    void a_faulty_plugin_cannot_block_platform_start() throws Exception {
        dropFaultyPlugins();
        MosaicClient before = server.admin();
        TestPlugins.await(server, 60, "the faulty plugins are installed",
                () -> HotDeployTest.bundle(before, "io.mosaic.crm.testing.unresolvable") != null
                        && HotDeployTest.bundle(before, "io.mosaic.crm.testing.faulty") != null);

        server.stop();
        server.start(); // fails unless the platform serves within its start timeout

        MosaicClient admin = server.admin();
        TestPlugins.await(server, 60, "the customers module serves",
                () -> admin.get("/api/customers/accounts").status() == 200); // modules start after security
        assertThat(admin.get("/api/platform/modules").status()).isEqualTo(200);
        TestPlugins.await(server, 60, "the faulty plugin serves what it can",
                () -> admin.get("/api/faulty/ok").status() == 200);
        assertThat(HotDeployTest.bundle(admin, "io.mosaic.crm.testing.unresolvable").path("state").asText())
                .isEqualTo("INSTALLED");
    }

    /** The faulty plugin, and a copy of it that needs a package nobody exports. */
    private static void dropFaultyPlugins() throws Exception {
        Path plugins = server.home().resolve("plugins");
        Path faulty = TestPlugins.jar("faulty");
        if (!Files.exists(plugins.resolve("faulty.jar"))) {
            TestPlugins.drop(server, "faulty.jar", Files.readAllBytes(faulty));
        }
        if (!Files.exists(plugins.resolve("unresolvable.jar"))) {
            TestPlugins.drop(server, "unresolvable.jar", TestPlugins.withHeaders(faulty, Map.of(
                    "Bundle-SymbolicName", "io.mosaic.crm.testing.unresolvable",
                    "Mosaic-Module", "unresolvable;path=/api/unresolvable",
                    "Import-Package", TestPlugins.header(faulty, "Import-Package")
                            + ",io.mosaic.nowhere;version=\"[1,2)\"")));
        }
    }
}
