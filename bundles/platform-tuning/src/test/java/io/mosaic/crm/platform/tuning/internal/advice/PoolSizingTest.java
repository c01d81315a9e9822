package io.mosaic.crm.platform.tuning.internal.advice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolSizingTest {

    private static List<Sample> samples(int count, int active, int pending, int max) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new Sample(i * 500L, active, pending, active, max, 3000, 4, 0, 200));
        }
        return samples;
    }

    @Test
    void recommends_the_concurrency_in_use_plus_waiting_times_headroom_when_callers_wait() {
        var advice = PoolSizing.advise(samples(10, 2, 6, 2), Optional.empty(), 1.25).orElseThrow();
        assertThat(advice.parameter()).isEqualTo(new Advice.Target("io.mosaic.crm.db", "maximumPoolSize"));
        assertThat(advice.current()).isEqualTo(2);
        assertThat(advice.recommended()).isEqualTo(10); // L = 2 + 6 = 8, × 1.25
        assertThat(advice.reason()).contains("Little's law").contains("10 connections").contains("holds 2");
        assertThat(advice.evidence()).containsEntry("meanWaiting", 6.0).containsEntry("peakInUsePlusWaiting", 8);
    }

    @Test
    void stays_silent_when_nobody_waits() {
        assertThat(PoolSizing.advise(samples(10, 3, 0, 16), Optional.empty(), 1.25)).isEmpty();
        assertThat(PoolSizing.advise(List.of(), Optional.empty(), 1.25)).isEmpty();
    }

    @Test
    void averages_only_over_the_busy_part_of_the_window() {
        List<Sample> window = new ArrayList<>(samples(100, 0, 0, 4));
        window.addAll(samples(6, 4, 4, 4));
        var advice = PoolSizing.advise(window, Optional.empty(), 1.0).orElseThrow();
        assertThat(advice.recommended()).isEqualTo(8);
    }

    @Test
    void never_recommends_more_than_the_pool_allows() {
        var advice = PoolSizing.advise(samples(10, 400, 400, 400), Optional.empty(), 1.25).orElseThrow();
        assertThat(advice.recommended()).isEqualTo(500);
    }
}
