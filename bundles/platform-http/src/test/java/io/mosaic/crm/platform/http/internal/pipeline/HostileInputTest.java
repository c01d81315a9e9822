package io.mosaic.crm.platform.http.internal.pipeline;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.RawHttp;
import io.mosaic.crm.platform.http.internal.testing.TestAuthenticator;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What a hostile tester sent, over real HTTP: each gets its 4xx in our JSON format, and no handler acts on it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {
    private final AtomicInteger changes = new AtomicInteger();
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        server.serve("demo", new DemoEndpoint());
        server.serve("store", routes -> {
            routes.patch("/records/{id}", DemoEndpoint.CREATE, r -> {
                r.idParam("id");
                changes.incrementAndGet();
                return null;
            });
            routes.delete("/records/{id}", DemoEndpoint.DELETE, r -> {
                r.idParam("id");
                changes.incrementAndGet();
                return null;
            });
        });
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> postBytes(String path, byte[] body) throws Exception {
        return server.send(server.request(path, "admin").header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri()).isEqualTo(status);
        var error = json(response);
        assertThat(error.path("error").asText()).isEqualTo(code);
        assertThat(error.has("message")).isTrue();
        assertThat(error.path("details").isArray()).isTrue();
    }

    @Test
    void bodies_that_are_not_utf8_are_malformed_json_on_both_parse_paths() throws Exception {
        byte[][] hostile = {
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'},
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"', '}'},
            {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xE2, (byte) 0x82},
        };
        for (byte[] body : hostile) {
            assertError(postBytes("/api/demo/items", body), 400, "malformed_json"); // request.body(Class)
            assertError(postBytes("/api/demo/tree", body), 400, "malformed_json"); // request.bodyTree()
        }
    }

    @Test
    void a_body_that_is_the_literal_null_is_400() throws Exception {
        assertError(server.sendJson("POST", "/api/demo/items", "admin", "null"), 400, "malformed_json");
        assertError(server.sendJson("POST", "/api/demo/tree", "admin", "null"), 400, "malformed_json");
    }

    @Test
    void a_chunked_body_with_broken_framing_is_400() throws Exception {
        String[] broken = {
            "zz\r\n{}\r\n0\r\n\r\n", // a chunk size that is not hex
            "5\r\n{}\r\n0\r\n\r\n", // a chunk shorter than its size, then garbage where the next size should be
            "2\r\n{}XX0\r\n\r\n", // no CRLF after the chunk data
        };
        for (String body : broken) {
            try (RawHttp client = new RawHttp(server.jetty.port())) {
                client.head("POST /api/demo/tree HTTP/1.1", "Authorization: " + TestAuthenticator.basic("admin"),
                        "Content-Type: application/json", "Transfer-Encoding: chunked").send(body);

                RawHttp.Response answer = client.read();

                assertThat(answer.status()).as(body).isEqualTo(400);
                assertThat(TestServer.JSON.readTree(answer.body()).has("error")).as(body).isTrue();
            }
        }
    }

    @Test
    void path_parameters_never_reach_a_route_and_change_nothing() throws Exception {
        int before = changes.get();
        String[] paths = {"/api/store/records/1;anything", "/api/store/records/1;", "/api/store/records;x/1",
                "/api/store;x/records/1"};
        for (String path : paths) {
            var patch = server.send(server.request(path, "admin").header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")).build());
            var delete = server.send(server.request(path, "admin").DELETE().build());
            var read = server.get(path.replace("/store/records", "/demo/items"), "reader");

            assertError(patch, 404, "not_found");
            assertError(delete, 404, "not_found");
            assertError(read, 404, "not_found");
        }
        assertError(server.send(server.request("/api/store/records/1%3B", "admin").DELETE().build()), 400, "invalid_id");
        assertThat(changes.get()).isEqualTo(before);
        assertThat(server.get("/api/demo/items/1;x", null).statusCode()).as("strangers learn nothing").isEqualTo(401);
        assertThat(server.send(server.request("/api/store/records/1", "admin").DELETE().build()).statusCode()).isEqualTo(204);
    }

    @Test
    void head_answers_like_get_without_a_body() throws Exception {
        var get = server.get("/api/demo/items/17", "reader");
        try (RawHttp client = new RawHttp(server.jetty.port())) {
            client.head("HEAD /api/demo/items/17 HTTP/1.1", "Authorization: " + TestAuthenticator.basic("reader"));
            RawHttp.Response head = client.readHeadOnly();

            assertThat(head.status()).isEqualTo(200);
            assertThat(head.headers().get("content-type")).isEqualTo("application/json; charset=utf-8");
            assertThat(head.headers().get("content-length"))
                    .isEqualTo(String.valueOf(get.body().getBytes(StandardCharsets.UTF_8).length));
            assertThat(head.headers().get("x-content-type-options")).isEqualTo("nosniff");
            // no body came: the same connection answers the next request at once
            client.head("GET /api/demo/me HTTP/1.1", "Authorization: " + TestAuthenticator.basic("reader"));
            RawHttp.Response next = client.read();
            assertThat(next.status()).isEqualTo(200);
            assertThat(next.body()).isEqualTo("{\"name\":\"reader\"}");
        }
    }

    @Test
    void head_gets_the_status_of_get_and_the_methods_include_it() throws Exception {
        var missing = server.send(server.request("/api/demo/errors/other", "reader")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        var anonymous = server.send(server.request("/api/demo/items/1", null)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        var postOnly = server.send(server.request("/api/demo/tree", "admin")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
        var wrongMethod = server.sendJson("PUT", "/api/demo/items/1", "admin", "{}");
        var openApi = server.send(server.request("/api/openapi.json", "reader")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build());

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEmpty();
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(postOnly.statusCode()).isEqualTo(405);
        assertThat(postOnly.headers().firstValue("Allow")).hasValue("POST");
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD");
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).isEmpty();
    }
}
