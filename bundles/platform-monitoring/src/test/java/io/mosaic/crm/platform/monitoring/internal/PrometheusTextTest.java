package io.mosaic.crm.platform.monitoring.internal;

import io.mosaic.crm.platform.monitoring.exposition.PrometheusExposition;
import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    private final MetricRegistry registry = new MetricRegistry();

    private Timer timer(String name) {
        return registry.timer(name, () -> new Timer(LockFreeExponentiallyDecayingReservoir.builder().build()));
    }

    @Test
    void writes_timers_as_summaries_in_seconds_with_labels_from_the_name() {
        Timer t = timer("http.server.requests;method=GET;route=/api/x/{id}");
        for (int ms = 1; ms <= 100; ms++) {
            t.update(ms, TimeUnit.MILLISECONDS);
        }

        PrometheusExposition e = PrometheusExposition.parse(PrometheusText.render(registry));

        assertThat(e.family("mosaic_http_server_requests_seconds").type).isEqualTo("summary");
        Map<String, String> route = Map.of("method", "GET", "route", "/api/x/{id}");
        assertThat(e.value("mosaic_http_server_requests_seconds_count", route)).isEqualTo(100);
        double p50 = e.value("mosaic_http_server_requests_seconds", with(route, "quantile", "0.5"));
        double p99 = e.value("mosaic_http_server_requests_seconds", with(route, "quantile", "0.99"));
        assertThat(p50).isBetween(0.045, 0.055);
        assertThat(p99).isGreaterThanOrEqualTo(p50).isLessThanOrEqualTo(0.1);
        assertThat(e.value("mosaic_http_server_requests_max_seconds", route)).isEqualTo(0.1);
    }

    @Test
    void writes_meters_as_counters_with_total_suffix_and_gauges_as_gauges() {
        registry.meter("http.server.responses;class=2xx").mark(7);
        registry.register("jetty.threads.busy", (Gauge<Integer>) () -> 3);
        registry.register("cache.size;cache=accounts", (Gauge<Long>) () -> 12L);
        registry.register("jvm.threads.deadlocks", (Gauge<java.util.Set<String>>) java.util.Set::of);

        String text = PrometheusText.render(registry);
        PrometheusExposition e = PrometheusExposition.parse(text);

        assertThat(e.family("mosaic_http_server_responses_total").type).isEqualTo("counter");
        assertThat(e.value("mosaic_http_server_responses_total", Map.of("class", "2xx"))).isEqualTo(7);
        assertThat(e.family("mosaic_jetty_threads_busy").type).isEqualTo("gauge");
        assertThat(e.value("mosaic_jetty_threads_busy", Map.of())).isEqualTo(3);
        assertThat(e.value("mosaic_cache_size", Map.of("cache", "accounts"))).isEqualTo(12);
        assertThat(text).doesNotContain("deadlocks").contains("# HELP mosaic_jetty_threads_busy jetty.threads.busy\n");
    }

    @Test
    void renames_gauges_that_would_end_in_a_reserved_suffix() {
        registry.register("db.pool.total", (Gauge<Integer>) () -> 4);
        registry.register("queue.count", (Gauge<Integer>) () -> 1);

        PrometheusExposition e = PrometheusExposition.parse(PrometheusText.render(registry));

        assertThat(e.value("mosaic_db_pool_total_value", Map.of())).isEqualTo(4);
        assertThat(e.value("mosaic_queue_count_value", Map.of())).isEqualTo(1);
        assertThat(e.families).doesNotContainKeys("mosaic_db_pool_total", "mosaic_queue_count");
    }

    @Test
    void escapes_label_values_and_sanitizes_names() {
        registry.meter("odd-name.2x;route=/a\"b\\c\nd").mark();
        registry.meter("9lives").mark();

        PrometheusExposition e = PrometheusExposition.parse(PrometheusText.render(registry));

        assertThat(e.value("mosaic_odd_name_2x_total", Map.of("route", "/a\"b\\c\nd"))).isEqualTo(1);
        assertThat(e.value("mosaic_9lives_total", Map.of())).isEqualTo(1);
        assertThat(PrometheusText.sanitize("9x.y-z")).isEqualTo("_9x_y_z");
    }

    @Test
    void keeps_the_samples_of_a_family_together_and_declares_it_once() {
        registry.meter("http.server.responses;class=2xx").mark();
        registry.meter("http.server.inflight").mark();
        registry.meter("http.server.responses;class=5xx").mark();
        timer("db.query;name=a").update(1, TimeUnit.MILLISECONDS);
        timer("db.query;name=b").update(2, TimeUnit.MILLISECONDS);

        String text = PrometheusText.render(registry);

        PrometheusExposition e = PrometheusExposition.parse(text); // rejects split families and repeated TYPE lines
        assertThat(e.family("mosaic_http_server_responses_total").samples).hasSize(2);
        assertThat(e.family("mosaic_db_query_seconds").samples).hasSize(2 * 6);
    }

    @Test
    void writes_special_values_the_way_prometheus_reads_them() {
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(42)).isEqualTo("42");
        assertThat(PrometheusText.number(0.25)).isEqualTo("0.25");
    }

    @Test
    void exports_jvm_metrics_with_pools_collectors_and_states_as_labels() {
        JvmMetrics.register(registry);

        PrometheusExposition e = PrometheusExposition.parse(PrometheusText.render(registry));

        assertThat(e.value("mosaic_jvm_memory_heap_used", Map.of())).isPositive();
        assertThat(e.value("mosaic_jvm_threads_live", Map.of())).isPositive();
        assertThat(e.family("mosaic_jvm_threads_state").samples).extracting(s -> s.labels().get("state"))
                .contains("runnable", "waiting");
        assertThat(e.family("mosaic_jvm_memory_pool_used").samples).isNotEmpty()
                .allSatisfy(s -> assertThat(s.labels()).containsKey("pool"));
        assertThat(e.families.keySet()).noneMatch(name -> name.endsWith("_count"));
    }

    private static Map<String, String> with(Map<String, String> labels, String key, String value) {
        var all = new java.util.HashMap<>(labels);
        all.put(key, value);
        return all;
    }
}
