package io.mosaic.crm.platform.http.internal.jetty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.http.internal.testing.BlockingEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first step of shutting down: no new connections, running requests finish. */
class ShutdownDrainTest {
    private TestServer server;
    private final BlockingEndpoint slow = new BlockingEndpoint();

    @BeforeEach
    void start() throws Exception {
        server = new TestServer(new ServerSettings("127.0.0.1", 0, 4, 20, 30_000, 20_000), 1024);
        server.serve("slow", slow);
    }

    @AfterEach
    void stop() throws Exception {
        slow.release.countDown();
        server.close();
    }

    @Test
    void refuses_new_connections_and_returns_once_the_running_requests_finished() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            running.add(CompletableFuture.supplyAsync(() -> get("/api/slow/wait")));
        }
        slow.awaitEntered(3);
        int port = server.jetty.port();

        CompletableFuture<Integer> drain = CompletableFuture.supplyAsync(this::drain);

        awaitRefused(port);
        assertThat(drain).as("waits for the running requests").isNotDone();
        slow.release.countDown();
        assertThat(drain.get()).as("requests left running").isZero();
        for (var request : running) {
            assertThat(request.get().statusCode()).isEqualTo(200);
        }
    }

    @Test
    void gives_up_after_the_drain_timeout_and_says_how_many_still_run() throws Exception {
        server.jetty.retune(new ServerSettings("127.0.0.1", 0, 4, 20, 30_000, 200));
        CompletableFuture.supplyAsync(() -> get("/api/slow/wait"));
        slow.awaitEntered(1);

        assertThat(drain()).isEqualTo(1);
    }

    private int drain() {
        try {
            return server.jetty.refuseConnectionsAndDrain(server.dispatcher::inFlight);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitRefused(int port) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            } catch (ConnectException refused) {
                return;
            } catch (IOException other) {
                // try again
            }
            Thread.sleep(10);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    private HttpResponse<String> get(String path) {
        try {
            return server.get(path, "reader");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
