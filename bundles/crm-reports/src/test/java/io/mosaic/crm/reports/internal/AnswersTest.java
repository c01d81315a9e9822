package io.mosaic.crm.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswersTest {
    @Test
    void csv_is_rfc_4180_with_formulas_defused() {
        String csv = Answers.csv(List.of("name", "sum_amount"), List.of(
                Arrays.asList("Acme, \"the\" best", new BigDecimal("1E+3")),
                Arrays.asList("=HYPERLINK(1)", null),
                Arrays.asList("line\nbreak", new BigDecimal("-12.5"))));
        assertThat(csv).isEqualTo("name,sum_amount\r\n\"Acme, \"\"the\"\" best\",1000\r\n'=HYPERLINK(1),\r\n"
                + "\"line\nbreak\",-12.5\r\n");
    }
}
