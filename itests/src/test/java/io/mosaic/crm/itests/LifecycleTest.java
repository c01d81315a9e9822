package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Stop, restart and a killed process: nothing left running, nothing lost. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
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

    @Test
    void sigterm_lets_running_requests_finish_refuses_new_connections_stops_mariadb_last_and_exits_0() throws Exception {
        if (!server.isRunning()) {
            server.start();
        }
        Path jar = Path.of(System.getProperty("mosaic.slowq.jar",
                "../testing/plugins/slow-queries/target/mosaic-testing-slow-queries-0.1.0-SNAPSHOT.jar"));
        Files.copy(jar, server.home().resolve("plugins/slow-queries.jar"), StandardCopyOption.REPLACE_EXISTING);
        MosaicClient admin = server.admin();
        TestPlugins.await(server, 60, "the slow-queries plugin serves", () -> admin.get("/api/slowq/sleep?ms=1").status() == 200);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<MosaicResponse>> slow = IntStream.range(0, 4)
                    .mapToObj(i -> clients.submit(() -> server.admin().get("/api/slowq/sleep?ms=2500"))).toList();
            TestPlugins.await(server, 30, "the slow requests are running", () -> admin.get("/api/platform/runtime").json()
                    .path("http").path("requestsInFlight").asInt() >= 5); // the four and this one
            int logFrom = server.log().length();

            server.processes().get(0).destroy(); // SIGTERM, as systemd or ./crm stop sends it
            int port = URI.create(server.baseUrl()).getPort();
            TestPlugins.await(server, 30, "new connections are refused", () -> refused(port));
            assertThat(slow).as("refused while the slow requests still run").anyMatch(f -> !f.isDone());

            for (Future<MosaicResponse> request : slow) {
                MosaicResponse answer = request.get(60, TimeUnit.SECONDS);
                assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                assertThat(answer.json().path("interrupted").asBoolean()).as("MariaDB still up").isFalse();
            }
            server.stop(); // waits for the process to end
            assertThat(server.lastExitCode()).isZero();
            String log = server.log().substring(logFrom);
            assertThat(log.indexOf("HTTP stopped")).as(log).isPositive()
                    .isLessThan(log.indexOf("embedded MariaDB stopped"));
        } finally {
            clients.shutdownNow();
        }
    }

    private static boolean refused(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
