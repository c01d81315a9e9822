package io.mosaic.crm.service.internal.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Working time in an IANA time zone: ranges per weekday and, by date, exceptions that replace the
 * weekday's ranges (a holiday has none). Business time is real elapsed time inside working ranges,
 * so a night shift over a DST change is an hour shorter or longer. Local times that do not exist
 * (DST gap) move forward; ambiguous ones (DST overlap) take the earlier offset.
 */
public final class BusinessCalendar {
    /** How far ahead a due time is searched: a calendar with no working time has none. */
    static final int HORIZON_DAYS = 3 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingRange>> week;
    private final Map<LocalDate, List<WorkingRange>> exceptions;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingRange>> week, Map<LocalDate, List<WorkingRange>> exceptions) {
        this.zone = zone;
        this.week = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, ranges) -> this.week.put(day, List.copyOf(ranges)));
        this.exceptions = Map.copyOf(exceptions);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The working ranges that start on {@code date}. */
    List<WorkingRange> rangesOn(LocalDate date) {
        List<WorkingRange> special = exceptions.get(date);
        return special != null ? special : week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    /** Working intervals (merged, in order) of the local days {@code from} to {@code to} inclusive. */
    List<Interval> intervals(LocalDate from, LocalDate to) {
        List<Interval> raw = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            for (WorkingRange range : rangesOn(day)) {
                Instant start = at(day, range.startMinute());
                Instant end = at(day, range.endMinute());
                if (end.isAfter(start)) {
                    raw.add(new Interval(start, end));
                }
            }
        }
        raw.sort(Comparator.comparing(Interval::start));
        List<Interval> merged = new ArrayList<>();
        for (Interval next : raw) {
            Interval last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !next.start().isAfter(last.end())) {
                merged.set(merged.size() - 1, new Interval(last.start(), next.end().isAfter(last.end()) ? next.end() : last.end()));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    private Instant at(LocalDate day, int minute) {
        LocalDateTime local = day.plusDays(minute / (24 * 60)).atStartOfDay().plusMinutes(minute % (24 * 60));
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** Business time within {@code [from, to)}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate();
        Duration total = Duration.ZERO;
        for (Interval interval : intervals(first, last)) {
            Instant start = interval.start().isAfter(from) ? interval.start() : from;
            Instant end = interval.end().isBefore(to) ? interval.end() : to;
            if (end.isAfter(start)) {
                total = total.plus(Duration.between(start, end));
            }
        }
        return total;
    }

    /**
     * The instant at which {@code amount} of business time has passed after {@code from}; when
     * {@code amount} is zero, {@code from} itself. Empty when the calendar has no working time
     * within {@link #HORIZON_DAYS}.
     */
    public Optional<Instant> plus(Instant from, Duration amount) {
        if (amount.isNegative() || amount.isZero()) {
            return Optional.of(from);
        }
        Duration left = amount;
        LocalDate day = from.atZone(zone).toLocalDate().minusDays(1);
        for (int chunk = 0; chunk * 31 < HORIZON_DAYS; chunk++, day = day.plusDays(31)) {
            for (Interval interval : intervals(day, day.plusDays(30))) {
                if (!interval.end().isAfter(from)) {
                    continue;
                }
                Instant start = interval.start().isAfter(from) ? interval.start() : from;
                Duration available = Duration.between(start, interval.end());
                if (available.compareTo(left) >= 0) {
                    return Optional.of(start.plus(left));
                }
                left = left.minus(available);
                from = interval.end();
            }
        }
        return Optional.empty();
    }

    /** A working interval in UTC. */
    record Interval(Instant start, Instant end) {}
}
