package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.aggregate.DateBucket;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chart-ready series of a report's rows: the first group column is the x axis (categories), the
 * second group column, if any, splits the series, and each measure is a series of its own
 * otherwise. Date buckets between the first and last one present are filled with zero, so a
 * line has no silent gaps. Works on the aggregated rows only (at most the report's limit).
 */
final class Series {
    private Series() {}

    static Map<String, Object> of(List<String> columns, List<List<Object>> rows, int groups, Map<String, DateBucket> dates) {
        List<Object> categories = new ArrayList<>();
        Map<String, Map<Object, Object>> series = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            Object x = groups == 0 ? "total" : row.get(0);
            if (!categories.contains(x)) {
                categories.add(x);
            }
            for (int m = groups; m < columns.size(); m++) {
                String name = groups >= 2 ? columns.get(m) + ":" + row.get(1) : columns.get(m);
                series.computeIfAbsent(name, n -> new LinkedHashMap<>()).put(x, row.get(m));
            }
        }
        DateBucket bucket = groups == 0 ? null : dates.get(columns.get(0));
        if (bucket != null) {
            categories = filled(categories, bucket);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map.Entry<String, Map<Object, Object>> s : series.entrySet()) {
            List<Object> data = new ArrayList<>();
            for (Object x : categories) {
                Object value = s.getValue().get(x);
                data.add(value == null ? (bucket != null || groups >= 2 ? 0 : null) : value);
            }
            out.add(Map.of("name", s.getKey(), "data", data));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", categories);
        chart.put("series", out);
        return chart;
    }

    /** Every bucket from the first to the last present one, in order. */
    static List<Object> filled(List<Object> present, DateBucket bucket) {
        LocalDate first = null;
        LocalDate last = null;
        for (Object x : present) {
            if (x instanceof String text) {
                LocalDate day = LocalDate.parse(text);
                first = first == null || day.isBefore(first) ? day : first;
                last = last == null || day.isAfter(last) ? day : last;
            }
        }
        List<Object> all = new ArrayList<>();
        if (first == null) {
            return present;
        }
        for (LocalDate day = bucket.start(first); !day.isAfter(last) && all.size() < 10_000; day = bucket.next(day)) {
            all.add(day.toString());
        }
        if (present.contains(null)) {
            all.add(null);
        }
        return all;
    }
}
