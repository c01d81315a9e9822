package io.mosaic.crm.platform.http.internal.jetty;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.testing.TestServer;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow and numerous anonymous clients: a body that comes too slowly is answered 408 in JSON long
 * before the idle timeout, and requests without credentials hold at most their share of the
 * request threads, so that signed-in users are still served.
 */
class SlowClientTest {
    private static final Endpoint SIGN_IN = new Endpoint() {
        @Override
        public void routes(Routes routes) {
            routes.post("/session", Permission.anonymous(), r -> r.bodyTree());
            routes.get("/health", Permission.anonymous(), r -> Map.of("ok", true));
            routes.get("/me", Permission.authenticated(), r -> Map.of("name", r.principal().name()));
        }
    };

    private final List<Socket> sockets = new ArrayList<>();
    private TestServer server;

    private TestServer start(long bodyTimeoutMillis, long minBytesPerSecond, int anonymousPercent) throws Exception {
        server = new TestServer(new ServerSettings("127.0.0.1", 0, 4, 50, 30_000, 5_000, bodyTimeoutMillis,
                minBytesPerSecond, anonymousPercent), 1024);
        server.serve("signin", SIGN_IN);
        return server;
    }

    @AfterEach
    void close() throws Exception {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_body_trickling_one_byte_at_a_time_is_answered_408_in_json_within_seconds() throws Exception {
        start(10_000, 1024, 50);
        Socket socket = slowSignIn(100);
        long start = System.nanoTime();

        String answer = null;
        for (int i = 0; i < 100 && answer == null; i++) { // one byte per 100 ms, far below 1 KiB/s
            socket.getOutputStream().write('{');
            socket.getOutputStream().flush();
            Thread.sleep(100);
            answer = availableAnswer(socket);
        }

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"request_timeout\"", "\"details\":[]");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
        assertThat(server.jetty.slowBodies()).isEqualTo(1);
    }

    @Test
    void a_client_that_sends_headers_and_then_nothing_is_answered_408_at_the_body_deadline() throws Exception {
        start(1_500, 0, 50);
        Socket socket = slowSignIn(50);

        String answer = readAnswer(socket, Duration.ofSeconds(8));

        assertThat(answer).startsWith("HTTP/1.1 408").contains("\"error\":\"request_timeout\"");
    }

    @Test
    void a_body_sent_at_ordinary_speed_is_served() throws Exception {
        start(10_000, 1024, 50);

        var response = server.sendJson("POST", "/api/signin/session", null, "{\"username\":\"anna\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"username\":\"anna\"}");
    }

    @Test
    void requests_without_credentials_beyond_their_share_get_503_busy_while_signed_in_users_are_served()
            throws Exception {
        start(60_000, 0, 10); // 10 % of 50 threads: 5
        for (int i = 0; i < 5; i++) {
            slowSignIn(100);
        }
        awaitAnonymousInUse(5);

        var stranger = server.get("/api/signin/health", null);
        long start = System.nanoTime();
        var signedIn = server.get("/api/signin/me", "admin");

        assertThat(stranger.statusCode()).isEqualTo(503);
        assertThat(stranger.headers().firstValue("Retry-After")).hasValue("1");
        assertThat(TestServer.json(stranger).get("error").asText()).isEqualTo("busy");
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(server.jetty.anonymousRejections()).isEqualTo(1);
    }

    @Test
    void the_anonymous_share_and_body_limits_change_live() throws Exception {
        start(60_000, 0, 10);
        for (int i = 0; i < 5; i++) {
            slowSignIn(100);
        }
        awaitAnonymousInUse(5);

        server.jetty.retune(new ServerSettings("127.0.0.1", 0, 4, 50, 30_000, 5_000, 60_000, 0, 20));

        assertThat(server.get("/api/signin/health", null).statusCode()).isEqualTo(200);
        assertThat(server.jetty.facts()).containsEntry("anonymousShare", 10);
    }

    /** Opens a sign-in that declares {@code length} body bytes and sends none yet. */
    private Socket slowSignIn(int length) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.jetty.port());
        sockets.add(socket);
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/signin/session HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private void awaitAnonymousInUse(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (server.jetty.anonymousInUse() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(server.jetty.anonymousInUse()).isEqualTo(expected);
    }

    private static String availableAnswer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        if (in.available() == 0) {
            return null;
        }
        return readAnswer(socket, Duration.ofSeconds(2));
    }

    /** What the server answered, read until it closes the connection or the time is up. */
    private static String readAnswer(Socket socket, Duration within) throws IOException {
        socket.setSoTimeout((int) within.toMillis());
        var bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (java.net.SocketTimeoutException e) {
            // keep what came
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
