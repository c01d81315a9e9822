package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * An import killed with SIGKILL half-way resumes after the restart from its last committed batch:
 * it ends with exactly as many records as rows, none written twice and none lost, so no batch was
 * half-written. Its own server, since it kills it.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class ImportCrashTest {
    private static final int ROWS = 20_000;

    @RegisterExtension
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void an_import_killed_mid_way_resumes_after_its_last_committed_batch() throws Exception {
        MosaicClient admin = server.admin();
        assertThat(admin.patch("/api/platform/config/io.mosaic.crm.jobs", "{\"batchSize\": 100}", null).status()).isEqualTo(200);
        StringBuilder file = new StringBuilder("lastName,email\n");
        for (int i = 0; i < ROWS; i++) {
            file.append("Crash,crash").append(i).append("@example.com\n");
        }
        Thread.sleep(1000);   // the batch size applies within a second
        var created = admin.sendRaw("POST", "/api/jobs/imports?entity=customers.contact",
                file.toString().getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/csv"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String job = created.header("Location");
        TestPlugins.await(server, 30, "the import is half-way", () -> admin.get(job).json().path("rowsRead").asLong() >= 2_000);
        JsonNode before = admin.get(job).json();
        assertThat(before.path("state").asText()).isEqualTo("running");
        assertThat(before.path("rowsRead").asLong()).isLessThan(ROWS);

        List<ProcessHandle> processes = server.processes();
        processes.get(0).destroyForcibly();                                   // SIGKILL the Mosaic JVM
        processes.get(0).onExit().get(30, TimeUnit.SECONDS);
        server.start();
        MosaicClient again = server.admin();
        JsonNode resumed = again.get(job).json();
        assertThat(resumed.path("rowsRead").asLong()).as("committed batches survive").isGreaterThanOrEqualTo(before.path("rowsRead").asLong());
        assertThat(resumed.path("rowsRead").asLong() % 100).as("only whole batches are committed").isZero();
        TestPlugins.await(server, 60, "the resumed import finishes",
                () -> again.get(job).json().path("state").asText().equals("succeeded"));
        JsonNode done = again.get(job).json();
        assertThat(done.path("rowsRead").asLong()).isEqualTo(ROWS);
        assertThat(done.path("rowsImported").asLong()).as(done.toString()).isEqualTo(ROWS);
        String exported = again.get("/api/customers/contacts/export?lastName=Crash&fields=email").body();
        assertThat(exported.lines()).as("every row exactly once").hasSize(ROWS + 1).doesNotHaveDuplicates();
    }
}
