package io.mosaic.crm.platform.http.internal.isolation;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.security.Permission;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A route that throws or overruns its time budget fails its own request; a failing module is tripped. */
class HandlerIsolationTest {
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicReference<Thread> inTransaction =
            new java.util.concurrent.atomic.AtomicReference<>();
    private TestServer server;

    /** {@code /sleep} honours interrupts; {@code /stubborn} ignores them until released. */
    private final Endpoint slow = routes -> {
        routes.get("/sleep", Permission.authenticated(), r -> {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return Map.of();
        });
        routes.get("/stubborn", Permission.authenticated(), r -> {
            while (true) {
                try {
                    if (release.await(60, TimeUnit.SECONDS)) {
                        return Map.of("late", true);
                    }
                } catch (InterruptedException ignored) {
                    interrupted.countDown(); // and keep going, as a badly written plugin would
                }
            }
        });
        routes.get("/fast", Permission.authenticated(), r -> Map.of("ok", true));
        routes.post("/commit", Permission.authenticated(), r -> {
            inTransaction.set(Thread.currentThread());   // as if it held a database transaction
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException stillCommitting) {
                release.await(60, TimeUnit.SECONDS);
            } finally {
                inTransaction.set(null);
            }
            return io.mosaic.crm.sdk.http.Reply.created("/api/slow/commit/1", Map.of("id", 1));
        });
    };

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.registry.add(-1, BreakerEndpoint.MODULE, new BreakerEndpoint(guard().breakers()));
        server.serve("demo", new DemoEndpoint());
        server.serve("slow", slow);
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.close();
    }

    private RouteGuard guard() {
        return server.dispatcher.guard();
    }

    @Test
    void a_route_that_throws_answers_500_for_that_request_only() throws Exception {
        HttpResponse<String> boom = server.get("/api/demo/boom", "reader");

        assertThat(boom.statusCode()).isEqualTo(500);
        assertThat(json(boom).path("error").asText()).isEqualTo("internal_error");
        assertThat(boom.body()).doesNotContain("secret internals");
        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(200);
    }

    @Test
    void answers_503_handler_timeout_when_a_handler_overruns_its_budget_and_interrupts_it() throws Exception {
        guard().budgetMillis(200);

        HttpResponse<String> response = server.get("/api/slow/sleep", "reader");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("handler_timeout");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("handler thread interrupted").isTrue();
        guard().budgetMillis(0); // no budget: a loaded test machine must not fail the next request
        assertThat(server.get("/api/slow/fast", "reader").statusCode()).isEqualTo(200);
    }

    @Test
    void answers_at_the_deadline_even_when_the_handler_ignores_the_interrupt() throws Exception {
        guard().budgetMillis(200);

        HttpResponse<String> response = server.get("/api/slow/stubborn", "reader");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("handler_timeout");
        assertThat(response.headers().firstValue("Connection")).hasValue("close");
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        guard().budgetMillis(0);
        assertThat(server.get("/api/demo/items/2", "reader").statusCode()).isEqualTo(200);
        release.countDown(); // the late result is dropped: the request was answered
        assertThat(server.get("/api/slow/fast", "reader").statusCode()).isEqualTo(200);
    }

    @Test
    void opens_the_breaker_after_repeated_failures_and_answers_circuit_open_for_the_module_only() throws Exception {
        guard().breakers().settings(new CircuitBreaker.Settings(3, 60_000, 60_000));
        for (int i = 0; i < 3; i++) {
            assertThat(server.get("/api/demo/boom", "reader").statusCode()).isEqualTo(500);
        }

        HttpResponse<String> tripped = server.get("/api/demo/items/1", "reader");

        assertThat(tripped.statusCode()).isEqualTo(503);
        assertThat(json(tripped).path("error").asText()).isEqualTo("circuit_open");
        assertThat(tripped.headers().firstValue("Retry-After")).isPresent();
        assertThat(server.get("/api/slow/fast", "reader").statusCode()).as("other modules serve").isEqualTo(200);
        var state = json(server.get("/api/platform/modules/demo/breaker", "reader"));
        assertThat(state.path("state").asText()).isEqualTo("OPEN");
        assertThat(state.path("lastProblem").asText()).contains("IllegalStateException");
        assertThat(TestServer.JSON.valueToTree(guard().facts()).path("breakers").path("demo").path("state").asText())
                .isEqualTo("OPEN");
    }

    @Test
    void an_administrator_resets_an_open_breaker() throws Exception {
        tripDemo();

        HttpResponse<String> reset = post("/api/platform/modules/demo/breaker/reset", "admin");

        assertThat(reset.statusCode()).isEqualTo(200);
        assertThat(json(reset).path("state").asText()).isEqualTo("CLOSED");
        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(200);
    }

    @Test
    void resetting_a_breaker_needs_credentials_the_admin_permission_and_a_known_module() throws Exception {
        tripDemo();

        assertThat(post("/api/platform/modules/demo/breaker/reset", null).statusCode()).isEqualTo(401);
        assertThat(post("/api/platform/modules/demo/breaker/reset", "reader").statusCode()).isEqualTo(403);
        assertThat(post("/api/platform/modules/nosuch/breaker/reset", "admin").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(503);
    }

    @Test
    void lets_a_trial_request_through_after_the_cool_down_and_closes_on_success() throws Exception {
        guard().breakers().settings(new CircuitBreaker.Settings(2, 60_000, 100));
        server.get("/api/demo/boom", "reader");
        server.get("/api/demo/boom", "reader");

        int status = 0;
        for (int i = 0; i < 200 && status != 200; i++) { // open at first, then half-open after the cool-down
            status = server.get("/api/demo/items/1", "reader").statusCode();
            Thread.sleep(10);
        }

        assertThat(status).isEqualTo(200);
        assertThat(json(server.get("/api/platform/modules/demo/breaker", "reader")).path("state").asText())
                .isEqualTo("CLOSED");
    }

    @Test
    void domain_errors_and_timeouts_are_told_apart_timeouts_count_as_failures() throws Exception {
        guard().breakers().settings(new CircuitBreaker.Settings(2, 60_000, 60_000));
        for (int i = 0; i < 5; i++) {
            assertThat(server.get("/api/demo/errors/validation", "reader").statusCode()).isEqualTo(422);
        }
        guard().budgetMillis(100);
        server.get("/api/slow/sleep", "reader");
        server.get("/api/slow/sleep", "reader");

        guard().budgetMillis(0);
        assertThat(json(server.get("/api/slow/fast", "reader")).path("error").asText()).isEqualTo("circuit_open");
        assertThat(server.get("/api/demo/items/3", "reader").statusCode()).isEqualTo(200);
    }

    private void tripDemo() throws Exception {
        guard().breakers().settings(new CircuitBreaker.Settings(1, 60_000, 60_000));
        server.get("/api/demo/boom", "reader");
        assertThat(server.get("/api/demo/items/1", "reader").statusCode()).isEqualTo(503);
    }

    private HttpResponse<String> post(String path, String user) throws Exception {
        return server.send(server.request(path, user).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    @Test
    void a_write_inside_an_open_transaction_is_answered_with_its_outcome_not_at_the_deadline() throws Exception {
        guard().budgetMillis(200);
        guard().transactions(thread -> thread == inTransaction.get());
        var pending = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return server.sendJson("POST", "/api/slow/commit", "reader", "{}");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        Thread.sleep(600);                        // three budgets: no answer yet, the outcome is open
        assertThat(pending).isNotDone();
        release.countDown();

        assertThat(pending.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(201);
        assertThat(guard().facts()).containsEntry("deferredTimeouts", 1L).containsEntry("handlerTimeouts", 0L);
    }
}
