package io.mosaic.crm.platform.http.internal.pipeline;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.testing.BlockingEndpoint;
import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModuleAvailabilityTest {
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void answers_503_module_unavailable_for_a_known_module_without_endpoint() throws Exception {
        server.catalog.put(7, TestServer.module("demo"));

        HttpResponse<String> response = server.get("/api/demo/items/1", "reader");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("module_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(server.get("/api/unknown/items/1", "reader").statusCode()).isEqualTo(404);
    }

    @Test
    void serves_again_once_the_endpoint_is_back_and_503s_after_it_left() throws Exception {
        long key = server.serve("demo", new DemoEndpoint());
        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(200);

        server.registry.remove(key);

        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(503);
        assertThat(server.get("/api/demo", "reader").statusCode()).isEqualTo(503);
    }

    @Test
    void lets_in_flight_requests_finish_before_the_removal_returns() throws Exception {
        BlockingEndpoint slow = new BlockingEndpoint();
        long key = server.serve("slow", slow);
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> get("/api/slow/wait"));
        slow.awaitEntered(1);

        CompletableFuture<Void> removal = CompletableFuture.runAsync(() -> server.registry.remove(key));
        Thread.sleep(300); // give the removal every chance to return early, which it must not

        assertThat(removal).isNotDone();
        assertThat(get("/api/slow/now").statusCode()).as("new requests while draining").isEqualTo(503);
        slow.release.countDown();
        removal.get();
        assertThat(slow.finished).hasValue(1); // the handler had finished when the removal returned
        assertThat(inFlight.get().statusCode()).isEqualTo(200);
    }

    @Test
    void stops_waiting_for_in_flight_requests_after_the_drain_timeout() throws Exception {
        server.registry.drainTimeoutMillis(50);
        BlockingEndpoint stuck = new BlockingEndpoint();
        long key = server.serve("stuck", stuck);
        CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> get("/api/stuck/wait"));
        stuck.awaitEntered(1);

        server.registry.remove(key);

        assertThat(stuck.finished).hasValue(0); // removal returned although the request still runs
        stuck.release.countDown();
        assertThat(inFlight.get().statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) {
        try {
            return server.get(path, "reader");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
