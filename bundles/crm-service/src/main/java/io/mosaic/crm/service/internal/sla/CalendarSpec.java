package io.mosaic.crm.service.internal.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a calendar's JSON ({@code timeZone}, {@code hours}, {@code exceptions}, as JDK trees) into a
 * {@link BusinessCalendar}, naming what is wrong instead: a region time zone
 * ({@code Europe/Berlin}, not an offset), weekday keys {@code mon}–{@code sun} with lists of
 * {@code ["HH:mm","HH:mm"]}, exceptions {@code {"date":"2026-12-24","hours":[…]}}.
 */
public final class CalendarSpec {
    public static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    static final int MAX_RANGES_PER_DAY = 12;
    static final int MAX_EXCEPTIONS = 1000;

    private CalendarSpec() {}

    /** The calendar, or null after adding problems ({@code field → problem}) to {@code problems}. */
    public static BusinessCalendar read(String timeZone, Object hours, Object exceptions, Map<String, String> problems) {
        ZoneId zone = zone(timeZone);
        if (zone == null) {
            problems.put("timeZone", "invalid_time_zone");
        }
        Map<DayOfWeek, List<WorkingRange>> week = new EnumMap<>(DayOfWeek.class);
        if (!(hours instanceof Map<?, ?> days)) {
            problems.put("hours", "invalid_hours");
        } else {
            for (Map.Entry<?, ?> day : days.entrySet()) {
                int index = DAYS.indexOf(String.valueOf(day.getKey()));
                List<WorkingRange> ranges = ranges(day.getValue());
                if (index < 0 || ranges == null) {
                    problems.put("hours", "invalid_hours");
                } else {
                    week.put(DayOfWeek.of(index + 1), ranges);
                }
            }
        }
        Map<LocalDate, List<WorkingRange>> special = new HashMap<>();
        if (exceptions != null) {
            if (!(exceptions instanceof List<?> list) || list.size() > MAX_EXCEPTIONS) {
                problems.put("exceptions", "invalid_exceptions");
            } else {
                for (Object item : list) {
                    LocalDate date = item instanceof Map<?, ?> m && m.keySet().equals(Set.of("date", "hours")) ? date(m.get("date")) : null;
                    List<WorkingRange> ranges = date == null ? null : ranges(((Map<?, ?>) item).get("hours"));
                    if (ranges == null || special.put(date, ranges) != null) {
                        problems.put("exceptions", "invalid_exceptions");
                    }
                }
            }
        }
        return problems.isEmpty() ? new BusinessCalendar(zone, week, special) : null;
    }

    private static List<WorkingRange> ranges(Object value) {
        if (!(value instanceof List<?> list) || list.size() > MAX_RANGES_PER_DAY) {
            return null;
        }
        List<WorkingRange> ranges = new ArrayList<>();
        for (Object pair : list) {
            if (!(pair instanceof List<?> p) || p.size() != 2 || !(p.get(0) instanceof String from) || !(p.get(1) instanceof String to)) {
                return null;
            }
            WorkingRange range = WorkingRange.parse(from, to);
            if (range == null) {
                return null;
            }
            ranges.add(range);
        }
        return ranges;
    }

    private static LocalDate date(Object value) {
        try {
            return value instanceof String text ? LocalDate.parse(text) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static ZoneId zone(String id) {
        if (id == null || !ZoneId.getAvailableZoneIds().contains(id)) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
