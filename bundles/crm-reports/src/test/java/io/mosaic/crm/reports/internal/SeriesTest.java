package io.mosaic.crm.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.aggregate.DateBucket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SeriesTest {
    @Test
    void empty_months_between_the_first_and_last_are_zero() {
        Map<String, Object> chart = Series.of(List.of("closeDate_month", "count"),
                List.of(List.of("2026-01-01", 2L), List.of("2026-04-01", 1L)), 1, Map.of("closeDate_month", DateBucket.MONTH));
        assertThat(chart.get("categories")).isEqualTo(List.of("2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"));
        assertThat(chart.get("series")).isEqualTo(List.of(Map.of("name", "count", "data", List.of(2L, 0, 0, 1L))));
    }

    @Test
    void a_second_group_splits_the_series() {
        Map<String, Object> chart = Series.of(List.of("stage", "currency", "sum_amount"),
                List.of(List.of("won", "EUR", 5L), List.of("won", "USD", 7L), List.of("lost", "EUR", 1L)), 2, Map.of());
        assertThat(chart.get("categories")).isEqualTo(List.of("won", "lost"));
        assertThat(chart.get("series")).isEqualTo(List.of(Map.of("name", "sum_amount:EUR", "data", List.of(5L, 1L)),
                Map.of("name", "sum_amount:USD", "data", List.of(7L, 0))));
    }
}
