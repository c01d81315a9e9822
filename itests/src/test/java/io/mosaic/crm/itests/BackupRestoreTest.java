package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@code bin/backup} and {@code bin/restore} of the distribution (what {@code ./crm backup} and
 * {@code ./crm restore} run): an online dump of a populated database while Mosaic serves, a restore
 * that refuses a non-empty database without {@code --force}, and a round trip that brings back exactly
 * the backed-up state (records, their history, users).
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class BackupRestoreTest {
    @RegisterExtension
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void a_backup_taken_online_restores_the_database_as_it_was() throws Exception {
        MosaicClient admin = server.admin();
        var kept = admin.post("/api/customers/accounts", "{\"name\":\"Kept GmbH\",\"country\":\"DE\"}");
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        assertThat(admin.patch(kept.header("Location"), "{\"city\":\"Bonn\"}", "\"1\"").status()).isEqualTo(200);
        for (int i = 0; i < 50; i++) {
            assertThat(admin.post("/api/customers/contacts", "{\"lastName\":\"Backup " + i + "\"}").status()).isEqualTo(201);
        }
        Path dump = server.home().resolve("backup-test.sql.gz");

        Run backup = run(server.home().resolve("bin/backup").toString(), dump.toString());
        assertThat(backup.exit()).as(backup.output()).isZero();
        assertThat(Files.size(dump)).isPositive();
        var lost = admin.post("/api/customers/accounts", "{\"name\":\"Written After The Backup\"}");
        assertThat(lost.status()).isEqualTo(201);

        Run whileRunning = run(server.home().resolve("bin/restore").toString(), dump.toString());
        assertThat(whileRunning.exit()).as(whileRunning.output()).isEqualTo(1);
        assertThat(whileRunning.output()).contains("stop it first");
        server.stop();

        Run refused = run(server.home().resolve("bin/restore").toString(), dump.toString());
        assertThat(refused.exit()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("--force");
        Run restored = run(server.home().resolve("bin/restore").toString(), dump.toString(), "--force");
        assertThat(restored.exit()).as(restored.output()).isZero();

        server.start();
        MosaicClient again = server.admin();
        var account = again.get(kept.header("Location"));
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json().path("city").asText()).isEqualTo("Bonn");
        assertThat(again.get(kept.header("Location") + "/history").json().path("items")).hasSize(2);
        assertThat(again.get(lost.header("Location")).status()).isEqualTo(404);
        assertThat(again.get("/api/customers/contacts?q=Backup&limit=500").json().path("items")).hasSize(50);
    }

    private record Run(int exit, String output) {}

    private static Run run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
