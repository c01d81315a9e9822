package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Issue 16, defects 2 and 3: a burst of wrong sign-ins (each an Argon2 check of 19 MiB) and 200
 * connections trickling sign-in bodies, at once, on 127.0.0.1. The server answers 401, 429, 503
 * busy or 408, never 500, does not run out of memory, and a signed-in user is still served. In a
 * class of its own, as it loads the server and lifts the per-address limit.
 */
@ResourceLock(TestLocks.CORES)
class LoadSheddingTest {
    private static final int SLOW_BODIES = 200;
    private static final int WRONG_SIGN_INS = 60;

    @RegisterExtension
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void wrong_sign_ins_and_slow_bodies_get_no_500_and_leave_room_for_a_signed_in_user() throws Exception {
        var admin = server.admin();
        var limit = admin.patch("/api/platform/config/io.mosaic.crm.security", "{\"maxFailuresPerAddress\": 100000}", null);
        assertThat(limit.status()).as(limit.body()).isEqualTo(200);
        assertThat(admin.get("/api/customers/accounts?limit=1").status()).isEqualTo(200); // its credential is cached

        URI base = URI.create(server.baseUrl());
        List<Socket> slow = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(WRONG_SIGN_INS);
        try {
            for (int i = 0; i < SLOW_BODIES; i++) {
                slow.add(slowSignIn(base));
            }
            var trickle = CompletableFuture.runAsync(() -> trickle(slow, Duration.ofSeconds(6)));
            List<CompletableFuture<MosaicResponse>> wrong = new ArrayList<>();
            for (int i = 0; i < WRONG_SIGN_INS; i++) {
                int n = i;
                wrong.add(CompletableFuture.supplyAsync(() -> n % 2 == 0
                        ? server.as("intruder" + n, "wrong guess " + n).get("/api/customers/accounts?limit=1")
                        : server.anonymous().post("/api/security/session",
                                "{\"username\":\"intruder" + n + "\",\"password\":\"wrong guess " + n + "\"}"), callers));
            }

            long start = System.nanoTime();
            var meanwhile = admin.get("/api/customers/accounts?limit=1");
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertThat(meanwhile.status()).as(meanwhile.body()).isEqualTo(200);
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            var statuses = new java.util.TreeMap<Integer, Integer>();
            for (var attempt : wrong) {
                MosaicResponse answer = attempt.get(60, TimeUnit.SECONDS);
                statuses.merge(answer.status(), 1, Integer::sum);
                assertThat(answer.status()).as(answer.body()).isIn(401, 429, 503);
                assertThat(answer.json().has("error")).isTrue();
                if (answer.status() == 503) {
                    assertThat(answer.error()).isEqualTo("busy");
                    assertThat(answer.header("Retry-After")).isNotNull();
                }
            }
            trickle.get(30, TimeUnit.SECONDS);
            System.out.printf("signed-in GET took %d ms; wrong sign-ins answered %s%n", took.toMillis(), statuses);
            for (Socket socket : slow) {
                String answer = answerOf(socket);
                assertThat(answer).as(answer).matches("(?s)HTTP/1\\.1 (408|503) .*\"error\":\"(request_timeout|busy)\".*");
            }
        } finally {
            callers.shutdownNow();
            for (Socket socket : slow) {
                socket.close();
            }
        }
        assertThat(server.log()).doesNotContain("OutOfMemoryError").doesNotContain("a 500 is a bug");
        var facts = admin.get("/api/platform/runtime");
        assertThat(facts.body()).as(facts.body()).contains("\"slowBodies\"", "\"passwordChecks\"");
        System.out.println("runtime facts: " + facts.json().path("http") + " " + facts.json().path("security"));
        assertThat(admin.get("/api/customers/accounts?limit=1").status()).isEqualTo(200);
    }

    private static Socket slowSignIn(URI base) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        socket.setSoTimeout(15_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /api/security/session HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** One byte per connection every half second, until the time is up or the server closed them all. */
    private static void trickle(List<Socket> sockets, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        while (System.nanoTime() < end) {
            for (Socket socket : sockets) {
                try {
                    socket.getOutputStream().write(' ');
                    socket.getOutputStream().flush();
                } catch (IOException closedByServer) {
                    // answered already
                }
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String answerOf(Socket socket) throws IOException {
        var bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            InputStream in = socket.getInputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // keep what came
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
