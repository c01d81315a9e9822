package io.mosaic.crm.platform.http.internal.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.http.internal.testing.BlockingEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LiveRetuneTest {
    private TestServer server;
    private final BlockingEndpoint slow = new BlockingEndpoint();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(new ServerSettings("127.0.0.1", 0, 4, 20, 30_000, 3_000), 1024);
        server.serve("slow", slow);
    }

    @AfterEach
    void stop() throws Exception {
        slow.release.countDown();
        server.close();
    }

    @Test
    void raises_max_threads_live_while_requests_run() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            running.add(CompletableFuture.supplyAsync(() -> get("/api/slow/wait")));
        }
        slow.awaitEntered(5);
        var pool = server.jetty.threadPool();
        int port = server.jetty.port();

        server.jetty.retune(new ServerSettings("127.0.0.1", 0, 6, 40, 20_000, 3_000));

        assertThat(pool.getMaxThreads()).isEqualTo(40);
        assertThat(pool.getMinThreads()).isEqualTo(6);
        assertThat(pool.isRunning()).isTrue();
        assertThat(server.jetty.threadPool()).isSameAs(pool);
        assertThat(server.jetty.port()).isEqualTo(port);
        assertThat(server.jetty.facts()).containsEntry("maxThreads", 40).containsEntry("idleTimeoutMillis", 20_000L);
        slow.release.countDown();
        for (var request : running) {
            assertThat(request.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void lowers_max_threads_below_the_old_minimum_in_a_valid_order() throws Exception {
        server.jetty.retune(new ServerSettings("127.0.0.1", 0, 10, 16, 30_000, 3_000));

        server.jetty.retune(new ServerSettings("127.0.0.1", 0, 2, 9, 30_000, 3_000));

        assertThat(server.jetty.threadPool().getMaxThreads()).isEqualTo(9);
        assertThat(server.jetty.threadPool().getMinThreads()).isEqualTo(2);
    }

    @Test
    void raises_min_threads_above_the_old_maximum_in_a_valid_order() throws Exception {
        server.jetty.retune(new ServerSettings("127.0.0.1", 0, 30, 40, 30_000, 3_000));

        assertThat(server.jetty.threadPool().getMinThreads()).isEqualTo(30);
        assertThat(server.jetty.threadPool().getMaxThreads()).isEqualTo(40);
    }

    @Test
    void keeps_enough_threads_for_jetty_itself_when_asked_for_too_few() throws Exception {
        int leased = server.jetty.threadPool().getThreadPoolBudget().getLeasedThreads();

        server.jetty.retune(new ServerSettings("127.0.0.1", 0, 1, 1, 30_000, 3_000));

        assertThat(server.jetty.threadPool().getMaxThreads()).isGreaterThan(leased);
        assertThat(get("/api/slow/now").statusCode()).isEqualTo(200);
    }

    @Test
    void moves_to_a_new_port_without_stopping_the_server() throws Exception {
        int oldPort = server.jetty.port();
        int newPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            newPort = probe.getLocalPort();
        }

        server.jetty.retune(new ServerSettings("127.0.0.1", newPort, 4, 20, 30_000, 3_000));

        assertThat(server.jetty.port()).isEqualTo(newPort);
        assertThat(get("/api/slow/now").statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", oldPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void keeps_the_old_port_when_the_new_one_is_taken() throws Exception {
        int oldPort = server.jetty.port();
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> server.jetty.retune(
                    new ServerSettings("127.0.0.1", taken.getLocalPort(), 4, 20, 30_000, 3_000))).isInstanceOf(Exception.class);
        }

        assertThat(server.jetty.port()).isEqualTo(oldPort);
        assertThat(get("/api/slow/now").statusCode()).isEqualTo(200);
    }

    @Test
    void reports_live_facts_of_the_pool() {
        assertThat(server.jetty.facts()).containsKeys("host", "port", "minThreads", "maxThreads", "threads",
                "idleThreads", "busyThreads", "queueSize");
        assertThat(server.jetty.facts().get("port")).isEqualTo(server.jetty.port());
    }

    private HttpResponse<String> get(String path) {
        try {
            return server.get(path, "reader");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
