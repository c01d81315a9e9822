package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicPlatform;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Stop, restart and a killed process: nothing left running, nothing lost. */
class LifecycleTest {
    private static final MosaicPlatform server = MosaicPlatform.bare();   // its own, started by the test: stops and kills it

    @AfterAll
    static void cleanUp() throws Exception {
        server.stop();
        server.delete();
    }

    @Test
    void sigterm_leaves_no_process_and_a_restart_keeps_data_and_password() throws Exception {
        server.start();
        var created = server.admin().post("/api/customers/accounts", "{\"name\":\"Durable GmbH\"}");
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");
        List<ProcessHandle> processes = server.processes();
        assertThat(processes).hasSizeGreaterThanOrEqualTo(2); // the JVM and mariadbd

        server.stop();
        assertThat(processes).noneMatch(ProcessHandle::isAlive);

        server.start();
        var again = server.admin().get(location);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("name").asText()).isEqualTo("Durable GmbH");

        // killed without warning: the orphaned database server is found and stopped at the next start
        List<ProcessHandle> before = server.processes();
        before.get(0).destroyForcibly();
        before.get(0).onExit().get(30, TimeUnit.SECONDS);
        server.start();
        assertThat(server.admin().get(location).status()).isEqualTo(200);
        assertThat(before).noneMatch(ProcessHandle::isAlive);
    }
}
