package io.mosaic.crm.reports.internal;

import java.text.ParseException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronExpression;

/** When a cron schedule is due: the latest fire time after the last run and not after now. */
final class DueTimes {
    /** Fire times looked at in one go; past that (a per-second cron after a long downtime) now is the due time. */
    private static final int MAX_STEPS = 100_000;

    private DueTimes() {}

    /**
     * The latest fire time of {@code cron} (in {@code zone}) in {@code (last, now]}, or empty when
     * none: so missed runs collapse into one.
     */
    static Optional<Instant> latestDue(String cron, ZoneId zone, Instant last, Instant now) {
        CronExpression expression;
        try {
            expression = new CronExpression(cron);
        } catch (ParseException e) {
            return Optional.empty();
        }
        expression.setTimeZone(TimeZone.getTimeZone(zone));
        Date next = expression.getNextValidTimeAfter(Date.from(last));
        if (next == null || next.toInstant().isAfter(now)) {
            return Optional.empty();
        }
        Instant due = next.toInstant();
        for (int i = 0; i < MAX_STEPS; i++) {
            Date after = expression.getNextValidTimeAfter(Date.from(due));
            if (after == null || after.toInstant().isAfter(now)) {
                return Optional.of(due);
            }
            due = after.toInstant();
        }
        return Optional.of(now);
    }
}
