package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A month ({@code 2026-11}) or a quarter ({@code 2026-Q4}) of the calendar: the periods of quotas and forecasts. */
record Period(String text, LocalDate first, LocalDate last, boolean quarter) {
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(0[1-9]|1[0-2])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    static Optional<Period> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher q = QUARTER.matcher(text);
        if (q.matches()) {
            YearMonth start = YearMonth.of(Integer.parseInt(q.group(1)), (Integer.parseInt(q.group(2)) - 1) * 3 + 1);
            return Optional.of(new Period(text, start.atDay(1), start.plusMonths(2).atEndOfMonth(), true));
        }
        Matcher m = MONTH.matcher(text);
        if (m.matches()) {
            YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            return Optional.of(new Period(text, month.atDay(1), month.atEndOfMonth(), false));
        }
        return Optional.empty();
    }

    static Period required(String text) {
        return parse(text).orElseThrow(() -> new BadRequestException("invalid_period",
                "period must be a month (2026-11) or a quarter (2026-Q4): " + text));
    }

    /** The months of a quarter ({@code 2026-10, 2026-11, 2026-12}); a month alone otherwise. */
    java.util.List<String> months() {
        if (!quarter) {
            return java.util.List.of(text);
        }
        YearMonth start = YearMonth.from(first);
        return java.util.List.of(start.toString(), start.plusMonths(1).toString(), start.plusMonths(2).toString());
    }
}
