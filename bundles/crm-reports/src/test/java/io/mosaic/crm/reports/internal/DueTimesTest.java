package io.mosaic.crm.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DueTimesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void three_missed_daily_runs_after_downtime_run_once_for_the_latest() {
        Instant last = Instant.parse("2026-03-01T06:00:00Z");          // 07:00 Berlin
        Instant now = Instant.parse("2026-03-04T09:30:00Z");
        assertThat(DueTimes.latestDue("0 0 7 * * ?", BERLIN, last, now)).contains(Instant.parse("2026-03-04T06:00:00Z"));
    }

    @Test
    void nothing_is_due_before_the_next_fire_time() {
        Instant last = Instant.parse("2026-03-04T06:00:00Z");
        assertThat(DueTimes.latestDue("0 0 7 * * ?", BERLIN, last, Instant.parse("2026-03-05T05:59:59Z"))).isEmpty();
    }

    @Test
    void the_fire_time_follows_the_zone_across_daylight_saving() {
        Instant last = Instant.parse("2026-03-28T06:00:00Z");          // the day before summer time
        assertThat(DueTimes.latestDue("0 0 7 * * ?", BERLIN, last, Instant.parse("2026-03-29T12:00:00Z")))
                .contains(Instant.parse("2026-03-29T05:00:00Z"));
    }

    @Test
    void an_invalid_expression_is_never_due() {
        assertThat(DueTimes.latestDue("every day", BERLIN, Instant.EPOCH, Instant.now())).isEmpty();
    }
}
