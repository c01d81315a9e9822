package io.mosaic.crm.service.internal.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SLA computation as a pure function, table-driven. Every expected instant is computed by
 * hand in UTC; Berlin is UTC+1 in winter and UTC+2 in summer (2026: summer from Sun 29 March
 * 02:00, back on Sun 25 October 03:00). 3 December 2026 is a Thursday, 24 and 25 December are a
 * Thursday and Friday (holidays in {@link #OFFICE}).
 */
class SlaCalculatorTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final List<WorkingRange> NINE_TO_FIVE = List.of(WorkingRange.of("09:00", "17:00"));

    /** Mon–Fri 09:00–17:00; closed 24 and 25 Dec and 1 Jan; 31 Dec 09:00–12:00 only. */
    static final BusinessCalendar OFFICE = new BusinessCalendar(BERLIN, weekdays(NINE_TO_FIVE), Map.of(
            LocalDate.parse("2026-12-24"), List.of(), LocalDate.parse("2026-12-25"), List.of(),
            LocalDate.parse("2027-01-01"), List.of(),
            LocalDate.parse("2026-12-31"), List.of(WorkingRange.of("09:00", "12:00"))));
    /** Mon–Fri 08:00–12:00 and 13:00–17:00. */
    static final BusinessCalendar SPLIT = new BusinessCalendar(BERLIN,
            weekdays(List.of(WorkingRange.of("08:00", "12:00"), WorkingRange.of("13:00", "17:00"))), Map.of());
    /** Every night 22:00–06:00 (a range past midnight). */
    static final BusinessCalendar NIGHT = new BusinessCalendar(BERLIN, everyDay(List.of(WorkingRange.of("22:00", "06:00"))), Map.of());
    /** Every night 22:00–06:00 except the night starting on 24 Dec. */
    static final BusinessCalendar NIGHT_HOLIDAY = new BusinessCalendar(BERLIN,
            everyDay(List.of(WorkingRange.of("22:00", "06:00"))), Map.of(LocalDate.parse("2026-12-24"), List.of()));
    /** Around the clock. */
    static final BusinessCalendar ALWAYS = new BusinessCalendar(BERLIN, everyDay(List.of(WorkingRange.of("00:00", "24:00"))), Map.of());
    /** No working time at all. */
    static final BusinessCalendar NEVER = new BusinessCalendar(BERLIN, Map.of(), Map.of());

    static Stream<Arguments> due_times() {
        return Stream.of(
                // calendar, case, start (UTC), target minutes, due (UTC)
                row(OFFICE, "within the day", "2026-12-03T09:00:00Z", 60, "2026-12-03T10:00:00Z"),
                row(OFFICE, "into the next day", "2026-12-03T15:00:00Z", 120, "2026-12-04T09:00:00Z"),
                row(OFFICE, "across a weekend", "2026-12-04T15:30:00Z", 60, "2026-12-07T08:30:00Z"),
                row(OFFICE, "started on a Saturday", "2026-12-05T11:00:00Z", 30, "2026-12-07T08:30:00Z"),
                row(OFFICE, "started before opening", "2026-12-03T06:00:00Z", 30, "2026-12-03T08:30:00Z"),
                row(OFFICE, "started after closing, a full day", "2026-12-03T17:00:00Z", 480, "2026-12-04T16:00:00Z"),
                row(OFFICE, "zero target", "2026-12-03T10:00:00Z", 0, "2026-12-03T10:00:00Z"),
                row(OFFICE, "across two public holidays and a weekend", "2026-12-23T15:00:00Z", 120, "2026-12-28T09:00:00Z"),
                row(OFFICE, "special short hours, then a holiday and a weekend", "2026-12-31T10:00:00Z", 120, "2027-01-04T09:00:00Z"),
                row(OFFICE, "a working week to the minute", "2026-12-07T08:00:00Z", 2400, "2026-12-11T16:00:00Z"),
                row(OFFICE, "one minute more than a week", "2026-12-07T08:00:00Z", 2401, "2026-12-14T08:01:00Z"),
                row(OFFICE, "over the autumn DST change weekend", "2026-10-23T14:00:00Z", 120, "2026-10-26T09:00:00Z"),
                row(OFFICE, "over the spring DST change weekend", "2026-03-27T15:00:00Z", 120, "2026-03-30T08:00:00Z"),
                row(OFFICE, "in summer time", "2026-07-01T07:00:00Z", 60, "2026-07-01T08:00:00Z"),
                row(SPLIT, "over the lunch break", "2026-12-03T10:30:00Z", 60, "2026-12-03T12:30:00Z"),
                row(SPLIT, "started in the lunch break", "2026-12-03T11:15:00Z", 10, "2026-12-03T12:10:00Z"),
                row(SPLIT, "ends exactly at the end of a range", "2026-12-03T15:00:00Z", 300, "2026-12-04T11:00:00Z"),
                row(NIGHT, "across midnight", "2026-12-03T22:00:00Z", 60, "2026-12-03T23:00:00Z"),
                row(NIGHT, "started in the tail of yesterday's shift", "2026-12-03T04:00:00Z", 120, "2026-12-03T22:00:00Z"),
                row(NIGHT, "started at noon, a whole shift", "2026-12-03T11:00:00Z", 480, "2026-12-04T05:00:00Z"),
                row(NIGHT, "spring DST night lasts 7 hours", "2026-03-28T21:00:00Z", 480, "2026-03-29T21:00:00Z"),
                row(NIGHT, "autumn DST night lasts 9 hours", "2026-10-24T20:00:00Z", 480, "2026-10-25T04:00:00Z"),
                row(NIGHT_HOLIDAY, "the night of a holiday is off, the one before it runs", "2026-12-24T04:00:00Z", 120, "2026-12-25T22:00:00Z"),
                row(ALWAYS, "around the clock", "2026-12-03T10:00:00Z", 1440, "2026-12-04T10:00:00Z"),
                row(ALWAYS, "around the clock over the spring DST change", "2026-03-28T12:00:00Z", 1440, "2026-03-29T12:00:00Z"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void due_times(BusinessCalendar calendar, String name, Instant start, long minutes, Instant due) {
        assertThat(calendar.plus(start, Duration.ofMinutes(minutes))).contains(due);
    }

    static Stream<Arguments> business_time_between() {
        return Stream.of(
                row(OFFICE, "over a weekend", "2026-12-04T15:00:00Z", "2026-12-07T09:00:00Z", 120),
                row(OFFICE, "over the Christmas holidays", "2026-12-23T15:00:00Z", "2026-12-28T09:00:00Z", 120),
                row(OFFICE, "nothing on a Sunday", "2026-12-06T08:00:00Z", "2026-12-06T20:00:00Z", 0),
                row(NIGHT, "the autumn DST night", "2026-10-24T20:00:00Z", "2026-10-25T06:00:00Z", 540),
                row(NIGHT, "the spring DST night", "2026-03-28T20:00:00Z", "2026-03-29T06:00:00Z", 420),
                row(SPLIT, "a whole split day", "2026-12-03T00:00:00Z", "2026-12-04T00:00:00Z", 480));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void business_time_between(BusinessCalendar calendar, String name, Instant from, Instant to, long minutes) {
        assertThat(calendar.between(from, to)).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest(name = "a calendar without working time has no due time")
    @MethodSource("due_times")
    void no_working_time_means_no_due_time(BusinessCalendar ignored, String name, Instant start, long minutes, Instant due) {
        assertThat(NEVER.plus(start, Duration.ofMinutes(Math.max(1, minutes)))).isEqualTo(Optional.empty());
    }

    // Mon 7 Dec 2026 09:00 Berlin = 08:00Z: a case opened at the start of a working week
    private static final Instant MONDAY = Instant.parse("2026-12-07T08:00:00Z");

    static Stream<Arguments> clocks() {
        SlaClock resolution = SlaClock.started(OFFICE, 480, MONDAY, 75);
        return Stream.of(
                // clock, case, now, elapsed minutes, state, due (UTC or null)
                clock(resolution, "on track", "2026-12-07T11:00:00Z", 180, ClockState.ON_TRACK, "2026-12-07T16:00:00Z"),
                clock(resolution, "at risk past 75 %", "2026-12-07T14:30:00Z", 390, ClockState.AT_RISK, "2026-12-07T16:00:00Z"),
                clock(resolution, "breached the next morning", "2026-12-08T08:00:00Z", 480, ClockState.BREACHED, "2026-12-07T16:00:00Z"),
                clock(resolution.pausedAt(Instant.parse("2026-12-07T10:00:00Z")).resumedAt(Instant.parse("2026-12-08T09:00:00Z")),
                        "paused in pending_customer, resumed", "2026-12-08T11:00:00Z", 240, ClockState.ON_TRACK, "2026-12-08T15:00:00Z"),
                clock(resolution.pausedAt(Instant.parse("2026-12-07T10:00:00Z")),
                        "paused now", "2026-12-07T13:00:00Z", 120, ClockState.PAUSED, null),
                clock(resolution.stoppedAt(Instant.parse("2026-12-07T12:00:00Z")),
                        "met", "2026-12-08T12:00:00Z", 240, ClockState.MET, "2026-12-07T16:00:00Z"),
                clock(resolution.stoppedAt(Instant.parse("2026-12-08T09:00:00Z")),
                        "stopped after the target: breached", "2026-12-09T12:00:00Z", 540, ClockState.BREACHED, "2026-12-07T16:00:00Z"),
                clock(SlaClock.accrued(OFFICE, 240, Duration.ofMinutes(180), Instant.parse("2026-12-07T11:00:00Z"), 75),
                        "priority raised at noon: the new target applies to the time consumed", "2026-12-07T11:30:00Z", 210,
                        ClockState.AT_RISK, "2026-12-07T12:00:00Z"),
                clock(SlaClock.accrued(OFFICE, 240, Duration.ofMinutes(300), Instant.parse("2026-12-07T13:00:00Z"), 75),
                        "priority raised past the new target: breached at the change", "2026-12-07T13:00:00Z", 300,
                        ClockState.BREACHED, "2026-12-07T13:00:00Z"),
                clock(SlaClock.started(OFFICE, 240, Instant.parse("2026-12-23T14:00:00Z"), 75)
                                .pausedAt(Instant.parse("2026-12-23T15:00:00Z")).resumedAt(Instant.parse("2026-12-28T07:00:00Z")),
                        "paused over the holidays, resumed before opening", "2026-12-28T08:30:00Z", 90,
                        ClockState.ON_TRACK, "2026-12-28T11:00:00Z"),
                clock(SlaClock.started(NIGHT, 600, Instant.parse("2026-10-24T20:00:00Z"), 75),
                        "night shift over the autumn DST change", "2026-10-25T05:00:00Z", 540,
                        ClockState.AT_RISK, "2026-10-25T22:00:00Z"),
                clock(SlaClock.started(OFFICE, 480, MONDAY, 50), "a lower at-risk share", "2026-12-07T12:00:00Z", 240,
                        ClockState.AT_RISK, "2026-12-07T16:00:00Z"),
                clock(resolution.pausedAt(Instant.parse("2026-12-07T10:00:00Z")).resumedAt(Instant.parse("2026-12-07T12:00:00Z"))
                                .pausedAt(Instant.parse("2026-12-07T13:00:00Z")).resumedAt(Instant.parse("2026-12-08T08:00:00Z")),
                        "two pauses", "2026-12-08T09:00:00Z", 240, ClockState.ON_TRACK, "2026-12-08T13:00:00Z"),
                clock(resolution.pausedAt(Instant.parse("2026-12-07T15:00:00Z")),
                        "paused at 87 % stays paused overnight", "2026-12-08T08:00:00Z", 420, ClockState.PAUSED, null),
                clock(SlaClock.started(OFFICE, 120, Instant.parse("2026-12-04T15:00:00Z"), 75),
                        "first response over a weekend, breached", "2026-12-07T10:00:00Z", 180, ClockState.BREACHED,
                        "2026-12-07T09:00:00Z"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource
    void clocks(SlaClock clock, String name, Instant now, long elapsed, ClockState state, Instant due) {
        ClockView view = clock.at(now);
        assertThat(view.elapsedMinutes()).as("elapsed").isEqualTo(elapsed);
        assertThat(view.state()).as("state").isEqualTo(state);
        assertThat(view.dueAt()).as("due").isEqualTo(due);
    }

    private static Arguments row(BusinessCalendar calendar, String name, String start, long minutes, String due) {
        return Arguments.of(calendar, name, Instant.parse(start), minutes, Instant.parse(due));
    }

    private static Arguments row(BusinessCalendar calendar, String name, String from, String to, long minutes) {
        return Arguments.of(calendar, name, Instant.parse(from), Instant.parse(to), minutes);
    }

    private static Arguments clock(SlaClock clock, String name, String now, long elapsed, ClockState state, String due) {
        return Arguments.of(clock, name, Instant.parse(now), elapsed, state, due == null ? null : Instant.parse(due));
    }

    private static Map<DayOfWeek, List<WorkingRange>> weekdays(List<WorkingRange> ranges) {
        Map<DayOfWeek, List<WorkingRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            week.put(day, ranges);
        }
        return week;
    }

    private static Map<DayOfWeek, List<WorkingRange>> everyDay(List<WorkingRange> ranges) {
        Map<DayOfWeek, List<WorkingRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, ranges);
        }
        return week;
    }
}
