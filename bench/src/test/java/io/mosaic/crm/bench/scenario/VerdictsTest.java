package io.mosaic.crm.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.bench.load.Measurement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Verdicts of a paired comparison (monitoring on against off). */
class VerdictsTest {
    private static Series series(String label, double... rates) {
        return new Series(label, Arrays.stream(rates).mapToObj(r -> new Measurement((long) r, 1, 0, 1, 2, 3, 4)).toList(),
                Map.of());
    }

    @Test
    void paired_ratio_is_the_median_of_ratios_of_back_to_back_runs() {
        Outcome o = Verdicts.pairedRatio(new MonitoringOverhead(), series("on", 980, 1960, 2940),
                series("off", 1000, 2000, 3000), 0.97, List.of());

        assertThat(o.ratio()).isEqualTo(0.98);
        assertThat(o.verdict()).isEqualTo("PASS");
    }

    @Test
    void paired_ratios_spread_wider_than_the_goal_are_no_pass() {
        Outcome o = Verdicts.pairedRatio(new MonitoringOverhead(), series("on", 1500, 900, 1200),
                series("off", 1000, 1000, 1000), 0.97, List.of());

        assertThat(o.ratio()).isEqualTo(1.2);
        assertThat(o.verdict()).isEqualTo("MISS");
        assertThat(o.notes()).anyMatch(n -> n.startsWith("inconclusive"));
    }
}
