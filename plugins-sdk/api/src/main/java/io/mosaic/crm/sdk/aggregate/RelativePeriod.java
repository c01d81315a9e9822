package io.mosaic.crm.sdk.aggregate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * A period relative to today in a time zone, named as in report filters: {@code today, yesterday,
 * this_week, last_week, this_month, last_month, this_quarter, last_quarter, next_quarter,
 * this_year, last_year, last_7_days, last_30_days, last_90_days, last_365_days, next_30_days}.
 * {@code last_N_days} ends with today (N days including today); weeks start on Monday.
 *
 * @param first the first day, in the zone
 * @param last  the last day, inclusive
 */
public record RelativePeriod(LocalDate first, LocalDate last) {
    public static final List<String> NAMES = List.of("today", "yesterday", "this_week", "last_week", "this_month",
            "last_month", "this_quarter", "last_quarter", "next_quarter", "this_year", "last_year", "last_7_days",
            "last_30_days", "last_90_days", "last_365_days", "next_30_days");

    /** The period {@code name} around {@code now} in {@code zone}; null when the name is not a period. */
    public static RelativePeriod of(String name, Instant now, ZoneId zone) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate quarter = DateBucket.QUARTER.start(today);
        LocalDate week = DateBucket.WEEK.start(today);
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "today" -> new RelativePeriod(today, today);
            case "yesterday" -> new RelativePeriod(today.minusDays(1), today.minusDays(1));
            case "this_week" -> new RelativePeriod(week, week.plusDays(6));
            case "last_week" -> new RelativePeriod(week.minusWeeks(1), week.minusDays(1));
            case "this_month" -> new RelativePeriod(today.withDayOfMonth(1), today.withDayOfMonth(today.lengthOfMonth()));
            case "last_month" -> month(today.minusMonths(1));
            case "this_quarter" -> new RelativePeriod(quarter, quarter.plusMonths(3).minusDays(1));
            case "last_quarter" -> new RelativePeriod(quarter.minusMonths(3), quarter.minusDays(1));
            case "next_quarter" -> new RelativePeriod(quarter.plusMonths(3), quarter.plusMonths(6).minusDays(1));
            case "this_year" -> new RelativePeriod(today.withDayOfYear(1), today.withDayOfYear(today.lengthOfYear()));
            case "last_year" -> new RelativePeriod(today.minusYears(1).withDayOfYear(1), today.withDayOfYear(1).minusDays(1));
            case "last_7_days" -> new RelativePeriod(today.minusDays(6), today);
            case "last_30_days" -> new RelativePeriod(today.minusDays(29), today);
            case "last_90_days" -> new RelativePeriod(today.minusDays(89), today);
            case "last_365_days" -> new RelativePeriod(today.minusDays(364), today);
            case "next_30_days" -> new RelativePeriod(today, today.plusDays(29));
            default -> null;
        };
    }

    /** The first instant of the period in {@code zone}. */
    public Instant start(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in {@code zone}. */
    public Instant end(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static RelativePeriod month(LocalDate day) {
        return new RelativePeriod(day.withDayOfMonth(1), day.withDayOfMonth(day.lengthOfMonth()));
    }

}
