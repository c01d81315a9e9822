package io.mosaic.crm.service.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A calendar's JSON becomes a working calendar, or names each wrong field. */
class CalendarSpecTest {

    @Test
    void reads_hours_past_midnight_and_exceptions() {
        Map<String, String> problems = new LinkedHashMap<>();
        BusinessCalendar calendar = CalendarSpec.read("Europe/Berlin",
                Map.of("fri", List.of(List.of("09:00", "12:00"), List.of("22:00", "02:00")), "sat", List.of()),
                List.of(Map.of("date", "2026-12-25", "hours", List.of())), problems);
        assertThat(problems).isEmpty();
        // Fri 4 Dec 2026: 3 h in the morning, 4 h from 22:00 to 02:00 (UTC+1)
        assertThat(calendar.between(Instant.parse("2026-12-04T00:00:00Z"), Instant.parse("2026-12-05T02:00:00Z")))
                .isEqualTo(Duration.ofHours(7));
        // Fri 25 Dec is closed all day
        assertThat(calendar.between(Instant.parse("2026-12-25T00:00:00Z"), Instant.parse("2026-12-26T02:00:00Z"))).isZero();
    }

    @Test
    void names_a_bad_zone_bad_hours_and_bad_exceptions() {
        Map<String, String> problems = new LinkedHashMap<>();
        assertThat(CalendarSpec.read("+01:00", Map.of("monday", List.of()), List.of(Map.of("date", "2026-02-30", "hours", List.of())),
                problems)).isNull();
        assertThat(problems).containsOnlyKeys("timeZone", "hours", "exceptions");

        for (Object hours : List.of(List.of(), Map.of("mon", List.of(List.of("9:00", "17:00"))), Map.of("mon", List.of(List.of("09:00"))),
                Map.of("mon", List.of(List.of("25:00", "26:00"))), Map.of("mon", List.of(List.of("09:00", "09:00"))),
                Map.of("mon", "09:00-17:00"))) {
            Map<String, String> found = new LinkedHashMap<>();
            CalendarSpec.read("Europe/Berlin", hours, null, found);
            assertThat(found).as(hours.toString()).containsOnlyKeys("hours");
        }
        Map<String, String> twice = new LinkedHashMap<>();
        CalendarSpec.read("Europe/Berlin", Map.of(), List.of(Map.of("date", "2026-12-24", "hours", List.of()),
                Map.of("date", "2026-12-24", "hours", List.of())), twice);
        assertThat(twice).containsOnlyKeys("exceptions");
    }

    @Test
    void twenty_four_hundred_is_the_end_of_the_day() {
        assertThat(WorkingRange.of("00:00", "24:00")).isEqualTo(new WorkingRange(0, 1440));
        assertThat(WorkingRange.of("22:00", "06:00")).isEqualTo(new WorkingRange(1320, 1800));
        assertThat(WorkingRange.parse("24:00", "06:00")).isNull();
    }
}
