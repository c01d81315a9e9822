package io.mosaic.crm.platform.http.internal.pipeline;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.jetty.ServerSettings;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.security.Permission;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** New requests for a module whose endpoint is being replaced wait for the replacement (DESIGN §4). */
class RequestParkingTest {
    private TestServer server;
    private final ExecutorService clients = Executors.newFixedThreadPool(8);

    @BeforeEach
    void start() throws Exception {
        // the default thread pool of io.mosaic.crm.http (8..200)
        server = new TestServer(new ServerSettings("127.0.0.1", 0, 8, 200, 30_000, 5_000), 1024);
    }

    @AfterEach
    void stop() throws Exception {
        clients.shutdownNow();
        server.close();
    }

    private static Endpoint version(int version) {
        return routes -> routes.get("/", Permission.authenticated(), r -> Map.of("version", version));
    }

    @Test
    void parks_new_requests_while_an_endpoint_is_replaced_and_serves_them_from_the_replacement() throws Exception {
        long v1 = server.serve("echo", version(1));
        assertThat(json(get("/api/echo")).path("version").asInt()).isEqualTo(1);

        server.registry.remove(v1, true); // as during a bundle update
        CompletableFuture<HttpResponse<String>> parked = CompletableFuture.supplyAsync(() -> get("/api/echo"), clients);
        awaitParked(1);
        assertThat(parked).isNotDone();
        server.serve("echo", version(2));

        assertThat(parked.get().statusCode()).isEqualTo(200);
        assertThat(json(parked.get()).path("version").asInt()).isEqualTo(2);
        assertThat(parking().path("parkTimeouts").asLong()).isZero();
    }

    @Test
    void parks_anonymous_requests_for_a_public_route_as_well() throws Exception {
        long v1 = server.serve("site", routes -> routes.get("/page", Permission.anonymous(), r -> Map.of("version", 1)));
        server.registry.remove(v1, true);
        CompletableFuture<HttpResponse<String>> parked = CompletableFuture.supplyAsync(() -> {
            try {
                return server.get("/api/site/page", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, clients);
        awaitParked(1);
        server.serve("site", routes -> routes.get("/page", Permission.anonymous(), r -> Map.of("version", 2)));

        assertThat(parked.get().statusCode()).isEqualTo(200);
        assertThat(json(parked.get()).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void parks_eight_clients_at_once_with_the_default_thread_pool() throws Exception {
        long v1 = server.serve("echo", version(1));
        server.registry.remove(v1, true);
        List<CompletableFuture<HttpResponse<String>>> parked = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parked.add(CompletableFuture.supplyAsync(() -> get("/api/echo"), clients));
        }
        awaitParked(8);
        server.serve("echo", version(2));

        for (var client : parked) {
            assertThat(client.get().statusCode()).isEqualTo(200);
            assertThat(json(client.get()).path("version").asInt()).isEqualTo(2);
        }
    }

    @Test
    void answers_503_module_unavailable_when_no_replacement_comes_within_the_park_timeout() throws Exception {
        server.registry.parking().parkTimeoutMillis(3000);
        long v1 = server.serve("echo", version(1));
        server.registry.remove(v1, true);
        CompletableFuture<HttpResponse<String>> parked = CompletableFuture.supplyAsync(() -> get("/api/echo"), clients);
        awaitParked(1);

        HttpResponse<String> response = parked.get();

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("module_unavailable");
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(parking().path("parkTimeouts").asLong()).isEqualTo(1);
        assertThat(get("/api/echo").statusCode()).as("the window has closed: no more waiting").isEqualTo(503);
        assertThat(parking().path("parkedTotal").asLong()).isEqualTo(1);
    }

    @Test
    void does_not_park_requests_of_a_module_stopped_on_purpose() throws Exception {
        long v1 = server.serve("echo", version(1));
        server.registry.remove(v1); // the admin disabled the module

        assertThat(get("/api/echo").statusCode()).isEqualTo(503);
        assertThat(parking().path("parkedTotal").asLong()).isZero();
    }

    @Test
    void releases_parked_requests_when_the_module_is_abandoned() throws Exception {
        server.registry.parking().parkTimeoutMillis(60_000);
        long v1 = server.serve("echo", version(1));
        server.registry.remove(v1, true);
        CompletableFuture<HttpResponse<String>> parked = CompletableFuture.supplyAsync(() -> get("/api/echo"), clients);
        awaitParked(1);

        server.registry.parking().abandon("echo"); // uninstalled, or stopped after all

        assertThat(parked.get().statusCode()).isEqualTo(503);
        assertThat(parking().path("parkTimeouts").asLong()).isZero();
    }

    @Test
    void other_modules_are_not_parked_while_one_is_swapped() throws Exception {
        server.registry.parking().parkTimeoutMillis(60_000);
        long v1 = server.serve("echo", version(1));
        server.serve("other", version(7));
        server.registry.remove(v1, true);

        assertThat(json(get("/api/other")).path("version").asInt()).isEqualTo(7);
        assertThat(get("/api/nowhere").statusCode()).isEqualTo(404);
        assertThat(parking().path("parkedTotal").asLong()).isZero();
        server.registry.parking().abandon("echo");
    }

    private com.fasterxml.jackson.databind.JsonNode parking() {
        return TestServer.JSON.valueToTree(server.registry.parking().facts());
    }

    private void awaitParked(int count) throws InterruptedException {
        for (int i = 0; i < 400 && (int) server.registry.parking().facts().get("parkedNow") < count; i++) {
            Thread.sleep(25);
        }
        assertThat(server.registry.parking().facts().get("parkedNow")).isEqualTo(count);
    }

    private HttpResponse<String> get(String path) {
        try {
            return server.get(path, "reader");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
