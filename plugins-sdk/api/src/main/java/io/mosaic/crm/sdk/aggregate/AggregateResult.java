package io.mosaic.crm.sdk.aggregate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The rows of an aggregation. Values are {@code String} (text, and dates as {@code 2026-03-01}),
 * {@code Long} (counts and whole numbers), {@code BigDecimal} (sums, averages, money) or null.
 *
 * @param columns  the column names
 * @param rows     one list of values per row, in column order
 * @param millis   how long the statement took
 */
public record AggregateResult(List<String> columns, List<List<Object>> rows, long millis) {

    public AggregateResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        rows.forEach(row -> copy.add(Collections.unmodifiableList(new ArrayList<>(row))));
        rows = Collections.unmodifiableList(copy);
    }
}
