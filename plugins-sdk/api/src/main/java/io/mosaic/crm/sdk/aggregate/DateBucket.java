package io.mosaic.crm.sdk.aggregate;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/** How a date or date-time field is grouped; each bucket is named by its first day. */
public enum DateBucket {
    DAY, WEEK, MONTH, QUARTER, YEAR;

    /** The bucket by its JSON name ({@code day, week, month, quarter, year}); null if unknown. */
    public static DateBucket named(String name) {
        for (DateBucket bucket : values()) {
            if (bucket.name().toLowerCase(Locale.ROOT).equals(name)) {
                return bucket;
            }
        }
        return null;
    }

    /** The first day of the bucket holding {@code day} (weeks start on Monday, ISO). */
    public LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> day.with(IsoFields.DAY_OF_QUARTER, 1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the next bucket after the one starting at {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }
}
