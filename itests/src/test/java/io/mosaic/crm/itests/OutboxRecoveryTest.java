package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The record kit's outbox: a change committed by a process that is killed (SIGKILL) before its event
 * was posted is delivered after the restart. The example plugin observes delivery: it awards 100
 * welcome points when it receives an account's CREATED event. Dispatch is switched off before the
 * write, so the process dies exactly between commit and post; it stays off over the restart until
 * the plugin runs again, then the held event arrives.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class OutboxRecoveryTest {
    private static final String RECORDS_PID = "/api/platform/config/io.mosaic.crm.records";

    @RegisterExtension
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void an_event_committed_but_not_posted_before_a_sigkill_is_posted_after_the_restart() throws Exception {
        MosaicClient admin = server.admin();
        TestPlugins.drop(server, ExamplePlugin.FILE, ExamplePlugin.jar());
        TestPlugins.await(server, 30, "the plugin serves", () -> admin.get(ExamplePlugin.BALANCE).status() == 200);
        assertThat(admin.patch(RECORDS_PID, "{\"dispatch\": false}", null).status()).isEqualTo(200);
        Thread.sleep(1000);   // applies within a second

        var created = admin.post("/api/customers/accounts", "{\"name\":\"Outbox Recovery GmbH\"}");
        assertThat(created.status()).isEqualTo(201);
        String balance = "/api/loyalty/accounts/" + created.json().path("id").asLong() + "/balance";
        Thread.sleep(3000);   // longer than a sweep and its grace: nothing was posted
        assertThat(admin.get(balance).json().path("points").asLong()).isZero();
        assertThat(admin.get("/metrics").body()).containsPattern("mosaic_records_events_pending [1-9]");

        List<ProcessHandle> processes = server.processes();
        processes.get(0).destroyForcibly();                                   // SIGKILL the Mosaic JVM
        processes.get(0).onExit().get(30, TimeUnit.SECONDS);
        server.start();
        MosaicClient again = server.admin();
        TestPlugins.await(server, 30, "the plugin serves again", () -> again.get(balance).status() == 200);
        assertThat(again.get(balance).json().path("points").asLong()).isZero();

        assertThat(again.patch(RECORDS_PID, "{\"dispatch\": true}", null).status()).isEqualTo(200);
        TestPlugins.await(server, 30, "the held CREATED event reaches the plugin",
                () -> again.get(balance).json().path("points").asLong() == 100);
        var history = again.get(created.header("Location") + "/history").json();
        assertThat(history.path("items")).hasSize(1);
        assertThat(history.path("items").get(0).path("kind").asText()).isEqualTo("CREATED");
        TestPlugins.await(server, 30, "the change is marked posted",
                () -> again.get("/metrics").body().contains("mosaic_records_events_pending 0"));
    }
}
