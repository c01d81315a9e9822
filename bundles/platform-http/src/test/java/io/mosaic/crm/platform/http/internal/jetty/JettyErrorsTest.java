package io.mosaic.crm.platform.http.internal.jetty;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Errors Jetty answers before our handler runs are JSON in the API's format too. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JettyErrorsTest {
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        server.serve("demo", new DemoEndpoint());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void answers_a_20_kb_header_with_431_as_json() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/demo/items/1", "admin")
                .header("X-Huge", "a".repeat(20 * 1024)).GET().build());

        assertThat(response.statusCode()).isEqualTo(431);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json(response).path("error").asText()).isEqualTo("headers_too_large");
        assertThat(json(response).path("details").isArray()).isTrue();
    }

    @Test
    void answers_a_bad_request_line_with_400_as_json() throws Exception {
        String raw = rawExchange("NOT A REQUEST LINE AT ALL\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 400");
        assertThat(raw).containsIgnoringCase("Content-Type: application/json; charset=utf-8");
        assertThat(body(raw).path("error").asText()).isEqualTo("bad_request");
    }

    @Test
    void answers_an_overlong_uri_as_json() throws Exception {
        String raw = rawExchange("GET /api/demo/" + "x".repeat(20 * 1024) + " HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(raw).matches("(?s)HTTP/1.1 (414|431).*");
        assertThat(body(raw).path("error").asText()).isIn("uri_too_long", "headers_too_large");
    }

    @Test
    void answers_an_unsupported_http_version_as_json() throws Exception {
        String raw = rawExchange("GET /api/demo/me HTTP/7.0\r\nHost: localhost\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 ");
        assertThat(body(raw).has("error")).isTrue();
    }

    private String rawExchange(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.jetty.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static JsonNode body(String raw) throws IOException {
        return TestServer.JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
    }
}
