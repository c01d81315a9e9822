package io.mosaic.crm.platform.http.internal.isolation;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.RawHttp;
import io.mosaic.crm.platform.http.internal.testing.TestAuthenticator;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.security.Permission;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a client does wrong stays the client's problem: a slow, stalled or aborted request body
 * is never counted against the module, so one user cannot trip a module's breaker for everyone.
 */
class ClientFaultIsolationTest {
    private static final byte[] ITEM = "{\"name\":\"box\",\"quantity\":1,\"active\":true}".getBytes(StandardCharsets.UTF_8);
    private TestServer server;

    /** {@code POST /slow} reads its body, then takes longer than any budget of these tests. */
    private final Endpoint slowAfterBody = routes -> routes.post("/slow", Permission.authenticated(), r -> {
        r.bodyTree();
        Thread.sleep(60_000);
        return Map.of();
    });

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.registry.add(-1, BreakerEndpoint.MODULE, new BreakerEndpoint(guard().breakers()));
        server.serve("demo", new DemoEndpoint());
        server.serve("slow", slowAfterBody);
        guard().breakers().settings(new CircuitBreaker.Settings(3, 60_000, 60_000));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private RouteGuard guard() {
        return server.dispatcher.guard();
    }

    private RawHttp postItem(String path, int contentLength) throws Exception {
        return new RawHttp(server.jetty.port()).head("POST " + path + " HTTP/1.1",
                "Authorization: " + TestAuthenticator.basic("admin"), "Content-Type: application/json",
                "Content-Length: " + contentLength);
    }

    private String breakerState(String module) throws Exception {
        return json(server.get("/api/platform/modules/" + module + "/breaker", "reader")).path("state").asText();
    }

    @Test
    void a_body_slower_than_the_handler_budget_is_served_and_never_counts_as_a_module_failure() throws Exception {
        guard().budgetMillis(300);
        for (int i = 0; i < 4; i++) {
            try (RawHttp client = postItem("/api/demo/items", ITEM.length)) {
                client.trickle(ITEM, 15); // ~650 ms of body, more than twice the handler's budget

                assertThat(client.read().status()).isEqualTo(201);
            }
        }

        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(200);
        assertThat(breakerState("demo")).isEqualTo("CLOSED");
    }

    @Test
    void a_body_that_stops_half_way_is_the_clients_fault() throws Exception {
        for (int i = 0; i < 4; i++) {
            try (RawHttp client = postItem("/api/demo/items", 500)) {
                client.send(ITEM); // and then hangs up, 458 bytes short
            }
        }
        Thread.sleep(200); // the server notices the end of the stream after the client left

        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(200);
        assertThat(breakerState("demo")).isEqualTo("CLOSED");
    }

    @Test
    void a_body_that_does_not_arrive_within_its_own_budget_gets_408_and_the_connection_is_closed() throws Exception {
        guard().bodyTimeoutMillis(300);
        for (int i = 0; i < 4; i++) {
            try (RawHttp client = postItem("/api/demo/items", 500)) {
                client.send(ITEM); // 458 bytes short, and the client keeps the connection open

                RawHttp.Response answer = client.read();
                assertThat(answer.status()).isEqualTo(408);
                assertThat(TestServer.JSON.readTree(answer.body()).path("error").asText()).isEqualTo("request_timeout");
                assertThat(answer.headers().get("connection")).isEqualTo("close");
            }
        }

        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(200);
        assertThat(breakerState("demo")).isEqualTo("CLOSED");
    }

    @Test
    void the_modules_own_slowness_after_the_body_is_read_still_counts() throws Exception {
        guard().budgetMillis(200);
        for (int i = 0; i < 3; i++) {
            var response = server.sendJson("POST", "/api/slow/slow", "admin", "{}");
            assertThat(json(response).path("error").asText()).isEqualTo("handler_timeout");
        }

        assertThat(breakerState("slow")).isEqualTo("OPEN");
        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).as("other modules serve").isEqualTo(200);
    }
}
