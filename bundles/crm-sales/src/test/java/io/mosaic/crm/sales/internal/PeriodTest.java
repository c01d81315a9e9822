package io.mosaic.crm.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void a_quarter_runs_from_the_first_day_of_its_first_month_to_the_last_of_its_third() {
        Period q4 = Period.parse("2026-Q4").orElseThrow();
        assertThat(q4.first()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.last()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.months()).containsExactly("2026-10", "2026-11", "2026-12");
    }

    @Test
    void a_month_is_its_own_days_and_nonsense_is_no_period() {
        Period feb = Period.parse("2028-02").orElseThrow();
        assertThat(feb.last()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(Period.parse("2026-Q5")).isEmpty();
        assertThat(Period.parse("2026-13")).isEmpty();
        assertThat(Period.parse("26-Q1")).isEmpty();
    }
}
