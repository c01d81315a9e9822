package io.mosaic.crm.service.internal.sla;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One working range of a day, in minutes after local midnight. A range whose end is not after its
 * start runs past midnight into the next day ({@code 22:00–06:00}); {@code 24:00} is midnight at
 * the end of the day. A range belongs to the day it starts on.
 */
public record WorkingRange(int startMinute, int endMinute) {
    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-4]):([0-5][0-9])");

    public WorkingRange {
        if (startMinute < 0 || startMinute >= 24 * 60 || endMinute <= startMinute || endMinute > 48 * 60) {
            throw new IllegalArgumentException("not a working range: " + startMinute + "–" + endMinute);
        }
    }

    /** {@code "09:00", "17:00"}, or {@code "22:00", "06:00"} past midnight; null if either is not a time. */
    public static WorkingRange parse(String start, String end) {
        Integer from = minutes(start);
        Integer to = minutes(end);
        if (from == null || to == null || from >= 24 * 60 || from.equals(to)) {
            return null;
        }
        return new WorkingRange(from, to > from ? to : to + 24 * 60);
    }

    private static Integer minutes(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = TIME.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int value = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
        return value > 24 * 60 ? null : value;
    }

    public static WorkingRange of(String start, String end) {
        WorkingRange range = parse(start, end);
        if (range == null) {
            throw new IllegalArgumentException("not a working range: " + start + "–" + end);
        }
        return range;
    }
}
