package io.mosaic.crm.platform.http.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpMetricsTest {
    private TestServer server;
    private HttpMetrics metrics;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer();
        server.serve("demo", new DemoEndpoint());
        metrics = new HttpMetrics(server.dispatcher::metrics, server.dispatcher::inFlight, server.jetty.threadPool());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    @Test
    void times_each_request_under_its_route_pattern_and_counts_status_classes() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        metrics.bind(registry);

        for (int id = 1; id <= 3; id++) {
            assertThat(server.get("/api/demo/items/" + id, "reader").statusCode()).isEqualTo(200);
        }
        assertThat(server.get("/api/demo/nowhere", "reader").statusCode()).isEqualTo(404);
        assertThat(server.get("/api/demo/items/1", null).statusCode()).isEqualTo(401);

        assertThat(registry.timer("http.server.requests;method=GET;route=/api/demo/items/{id}").getCount()).isEqualTo(3);
        assertThat(registry.timer("http.server.requests;method=GET;route=unmatched").getCount()).isEqualTo(2);
        assertThat(registry.meter("http.server.responses;class=2xx").getCount()).isEqualTo(3);
        assertThat(registry.meter("http.server.responses;class=4xx").getCount()).isEqualTo(2);
        assertThat(registry.meter("http.server.responses;class=5xx").getCount()).isZero();
        assertThat(registry.getGauges()).containsKeys("http.server.inflight", "jetty.threads.busy",
                "jetty.threads.idle", "jetty.threads.min", "jetty.threads.max", "jetty.threads.queue");
        assertThat(registry.getGauges().get("jetty.threads.max").getValue()).isEqualTo(50);
    }

    @Test
    void records_nothing_once_the_registry_is_gone_and_removes_its_metrics() throws Exception {
        MetricRegistry registry = new MetricRegistry();
        metrics.bind(registry);
        server.get("/api/demo/items/1", "reader");

        metrics.unbind(registry);
        server.get("/api/demo/items/1", "reader");

        assertThat(registry.getMetrics()).isEmpty();
    }

    @Test
    void follows_a_replacement_registry_and_ignores_the_late_unbind_of_the_old_one() throws Exception {
        MetricRegistry old = new MetricRegistry();
        MetricRegistry fresh = new MetricRegistry();
        metrics.bind(old);

        metrics.bind(fresh); // greedy: the new one arrives before the old one leaves
        metrics.unbind(old);
        server.get("/api/demo/items/1", "reader");

        assertThat(fresh.timer("http.server.requests;method=GET;route=/api/demo/items/{id}").getCount()).isEqualTo(1);
        assertThat(((Gauge<?>) fresh.getGauges().get("http.server.inflight")).getValue()).isEqualTo(0);
        assertThat(old.getMetrics()).isEmpty();
    }
}
