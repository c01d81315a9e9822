package io.mosaic.crm.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScoresTest {
    @Test
    void auc_counts_ties_as_half_and_brier_is_the_mean_squared_error() {
        double[] predicted = {0.9, 0.8, 0.8, 0.1};
        boolean[] won = {true, true, false, false};
        // pairs (won, lost): (0.9,0.8) 1, (0.9,0.1) 1, (0.8,0.8) ½, (0.8,0.1) 1 → 3.5 / 4
        assertThat(Scores.auc(predicted, won)).isCloseTo(0.875, within(1e-9));
        assertThat(Scores.brier(predicted, won)).isCloseTo((0.01 + 0.04 + 0.64 + 0.01) / 4, within(1e-9));
        assertThat(Scores.calibration(predicted, won)).hasSize(4);
    }
}
