package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.platform.monitoring.exposition.PrometheusExposition;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** platform-monitoring on the assembled runtime: probes, /metrics in the Prometheus format, JSON, the live switch. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MonitoringTest {
    private static final int REQUESTS = 40;

    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    /** Even when the live switch test failed half-way: the shared server keeps monitoring on. */
    @AfterAll
    static void switchMonitoringOn() {
        server.admin().patch("/api/platform/config/io.mosaic.crm.monitoring", "{\"enabled\": true}", null);
    }

    @Test
    @Order(1)
    void answers_liveness_to_anyone_with_a_small_body_that_names_the_embedded_database_state() {
        var health = server.anonymous().get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("up");
        assertThat(health.json().path("database").path("state").asText()).isEqualTo("up");
        assertThat(health.json().path("database").path("restarts").asLong()).isZero();
        assertThat(health.body()).doesNotContain("pid").doesNotContain("port");
        assertThat(health.body().length()).isLessThan(300);
        var runtime = server.admin().get("/api/platform/runtime").json().path("embeddedDb");
        assertThat(runtime.path("state").asText()).isEqualTo("up");
        assertThat(runtime.path("port").asInt()).as("the admin sees where it listens").isPositive();
    }

    @Test
    @Order(2)
    void is_ready_when_the_database_answers_and_every_module_is_active() throws Exception {
        MosaicResponse ready = server.anonymous().get("/health/ready");
        for (int i = 0; i < 100 && ready.status() != 200; i++) { // plugins may still be starting
            TimeUnit.MILLISECONDS.sleep(200);
            ready = server.anonymous().get("/health/ready");
        }

        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.json().path("checks").path("database").asText()).isEqualTo("up");
        assertThat(ready.json().path("checks").path("modules").asText()).isEqualTo("up");
        assertThat(ready.body()).doesNotContain("jdbc:", "password");
    }

    @Test
    @Order(3)
    void wants_credentials_and_the_permission_for_metrics() {
        assertThat(server.anonymous().get("/metrics").status()).isEqualTo(401);
        assertThat(server.anonymous().get("/api/platform/metrics").status()).isEqualTo(401);
        assertThat(server.anonymous().get("/metrics").body()).doesNotContain("mosaic_");
        assertThat(server.admin().post("/metrics", "{}").status()).isEqualTo(405);
        assertThat(server.admin().post("/health/ready", "{}").status()).isEqualTo(405);

        var created = server.admin().post("/api/security/users", "{\"username\":\"metrics-stranger\","
                + "\"email\":\"stranger@example.com\",\"password\":\"No-metrics-for-me-2026!\",\"roles\":[]}");
        assumeTrue(created.status() == 201, "user management not available: " + created);
        MosaicClient stranger = server.as("metrics-stranger", "No-metrics-for-me-2026!");
        assertThat(stranger.get("/metrics").status()).isEqualTo(403);
        assertThat(stranger.get("/api/platform/metrics").status()).isEqualTo(403);
    }

    @Test
    @Order(4)
    void exposes_every_family_in_a_strictly_valid_exposition_after_traffic() throws Exception {
        MosaicClient admin = server.admin();
        for (int i = 0; i < REQUESTS; i++) {
            assertThat(admin.get("/api/customers/accounts").status()).isEqualTo(200);
        }
        assertThat(admin.get("/api/customers/nowhere").status()).isEqualTo(404);

        var scrape = admin.get("/metrics");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).startsWith("text/plain; version=0.0.4");
        PrometheusExposition e = PrometheusExposition.parse(scrape.body());
        Map<String, String> accounts = Map.of("method", "GET", "route", "/api/customers/accounts");
        assertThat(e.family("mosaic_http_server_requests_seconds").type).isEqualTo("summary");
        assertThat(e.value("mosaic_http_server_requests_seconds_count", accounts)).isGreaterThanOrEqualTo(REQUESTS);
        double p50 = e.value("mosaic_http_server_requests_seconds", with(accounts, "0.5"));
        double p99 = e.value("mosaic_http_server_requests_seconds", with(accounts, "0.99"));
        assertThat(p50).isGreaterThanOrEqualTo(0);
        assertThat(p99).isGreaterThanOrEqualTo(p50);
        assertThat(e.value("mosaic_http_server_requests_seconds_count", Map.of("method", "GET", "route", "unmatched")))
                .isGreaterThanOrEqualTo(1);
        assertThat(e.family("mosaic_http_server_responses_total").type).isEqualTo("counter");
        assertThat(e.value("mosaic_http_server_responses_total", Map.of("class", "2xx"))).isGreaterThanOrEqualTo(REQUESTS);
        assertThat(e.value("mosaic_http_server_responses_total", Map.of("class", "4xx"))).isGreaterThanOrEqualTo(1);
        assertThat(e.value("mosaic_http_server_inflight", Map.of())).isGreaterThanOrEqualTo(1); // the scrape itself
        assertThat(e.value("mosaic_jetty_threads_max", Map.of())).isGreaterThanOrEqualTo(e.value("mosaic_jetty_threads_min", Map.of()));
        assertThat(e.value("mosaic_jetty_threads_busy", Map.of())).isGreaterThanOrEqualTo(1);
        e.family("mosaic_jetty_threads_idle");
        e.family("mosaic_jetty_threads_queue");
        assertThat(e.value("mosaic_db_pool_max", Map.of())).isGreaterThanOrEqualTo(1);
        assertThat(e.value("mosaic_db_pool_total_value", Map.of())).isGreaterThanOrEqualTo(1);
        e.family("mosaic_db_pool_active");
        e.family("mosaic_db_pool_idle");
        e.family("mosaic_db_pool_pending");
        assertThat(e.value("mosaic_db_pool_acquire_seconds_count", Map.of())).isGreaterThanOrEqualTo(1);
        e.family("mosaic_db_pool_timeouts_total");
        assertThat(e.family("mosaic_db_query_seconds").samples).isNotEmpty();
        assertThat(e.value("mosaic_jvm_memory_heap_used", Map.of())).isPositive();
        assertThat(e.value("mosaic_jvm_threads_live", Map.of())).isPositive();
        assertThat(e.family("mosaic_jvm_gc_collections").samples).isNotEmpty();
        promtoolAccepts(scrape.body());
    }

    @Test
    @Order(5)
    void scrapes_with_an_api_token_as_bearer_like_prometheus_does() {
        var issued = server.admin().post("/api/security/tokens", "{\"name\":\"prometheus\",\"scope\":\"platform.metrics:read\"}");
        assumeTrue(issued.status() == 201, "API tokens not available: " + issued);
        Map<String, String> bearer = Map.of("Authorization", "Bearer " + issued.json().path("token").asText());

        var scrape = server.anonymous().send("GET", "/metrics", null, bearer);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("# TYPE mosaic_http_server_requests_seconds summary");
    }

    @Test
    @Order(6)
    void gives_the_console_grouped_json_in_milliseconds() {
        server.admin().get("/api/customers/accounts");

        JsonNode json = server.admin().get("/api/platform/metrics").json();

        assertThat(json.path("enabled").asBoolean()).isTrue();
        JsonNode accounts = null;
        for (JsonNode entry : json.path("timers").path("http.server.requests")) {
            if (entry.path("labels").path("route").asText().equals("/api/customers/accounts")) {
                accounts = entry;
            }
        }
        assertThat(accounts).as("timer of /api/customers/accounts in %s", json).isNotNull();
        assertThat(accounts.path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(accounts.path("p99").asDouble()).isGreaterThanOrEqualTo(accounts.path("p50").asDouble());
        assertThat(accounts.path("p50").asDouble()).isGreaterThanOrEqualTo(0);
        assertThat(json.path("gauges").path("jetty.threads.max").get(0).path("value").asInt()).isPositive();
        assertThat(json.path("meters").path("http.server.responses").size()).isGreaterThanOrEqualTo(4);
    }

    @Test
    @Order(7)
    void can_be_switched_off_and_on_live() throws Exception {
        MosaicClient admin = server.admin();
        assertThat(admin.patch("/api/platform/config/io.mosaic.crm.monitoring", "{\"enabled\": false}", null).status())
                .isEqualTo(200);
        awaitEnabled(admin, false);
        assertThat(admin.get("/metrics").body()).startsWith("# monitoring is disabled").doesNotContain("mosaic_");

        assertThat(admin.patch("/api/platform/config/io.mosaic.crm.monitoring", "{\"enabled\": true}", null).status())
                .isEqualTo(200);
        awaitEnabled(admin, true);
        admin.get("/api/customers/accounts");
        PrometheusExposition e = PrometheusExposition.parse(admin.get("/metrics").body());
        assertThat(e.value("mosaic_http_server_requests_seconds_count",
                Map.of("method", "GET", "route", "/api/customers/accounts"))).isEqualTo(1); // counting afresh
    }

    /** Configuration arrives asynchronously (ConfigAdmin → DS); every consumer rebinds in the same event. */
    private static void awaitEnabled(MosaicClient admin, boolean enabled) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (admin.get("/api/platform/metrics").json().path("enabled").asBoolean() == enabled) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("monitoring never became enabled=" + enabled);
    }

    /** {@code promtool check metrics} (Debian package prometheus) when it is installed; skipped loudly otherwise. */
    private static void promtoolAccepts(String exposition) throws IOException, InterruptedException {
        Path promtool = Path.of("/usr/bin/promtool");
        if (!Files.isExecutable(promtool)) {
            assertThat(System.getenv("CI")).as("promtool is required in CI (.ci/run installs it)").isNotEqualTo("true");
            System.err.println("MonitoringTest: promtool not installed (apt-get install prometheus); lint skipped");
            return;
        }
        Process check = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
        try (var in = check.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as("promtool check metrics: %s", output).isZero();
        assertThat(output).as("promtool lint").isBlank();
    }

    private static Map<String, String> with(Map<String, String> labels, String quantile) {
        var all = new java.util.HashMap<>(labels);
        all.put("quantile", quantile);
        return all;
    }
}
