package io.mosaic.crm.platform.monitoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {

    @Test
    @SuppressWarnings("unchecked")
    void groups_by_kind_and_name_with_labels_and_milliseconds() {
        MetricRegistry registry = new MetricRegistry();
        registry.timer("http.server.requests;method=GET;route=/x").update(20, TimeUnit.MILLISECONDS);
        registry.register("jetty.threads.busy", (Gauge<Integer>) () -> 2);
        registry.register("odd", (Gauge<Double>) () -> Double.NaN);

        Map<String, Object> json = MetricsJson.render(registry);

        var timers = (Map<String, List<Map<String, Object>>>) json.get("timers");
        Map<String, Object> requests = timers.get("http.server.requests").get(0);
        assertThat(requests).containsEntry("labels", Map.of("method", "GET", "route", "/x")).containsEntry("count", 1L);
        assertThat((double) requests.get("p99")).isEqualTo(20.0);
        var gauges = (Map<String, List<Map<String, Object>>>) json.get("gauges");
        assertThat(gauges.get("jetty.threads.busy").get(0)).containsEntry("value", 2);
        assertThat(gauges.get("odd").get(0)).containsEntry("value", null);
        assertThat(json).containsEntry("enabled", true);
    }

    @Test
    void says_when_monitoring_is_disabled() {
        assertThat(MetricsJson.render(null)).isEqualTo(Map.of("enabled", false));
    }
}
