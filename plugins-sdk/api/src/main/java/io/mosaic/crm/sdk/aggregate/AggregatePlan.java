package io.mosaic.crm.sdk.aggregate;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A checked aggregation: its SQL with named parameters, what it reads and what it answers.
 * {@link #key()} identifies the result (same text, same bindings: same rows), so it can key a
 * cache together with the time the data last changed.
 *
 * @param sql       the statement (without the time budget), only bound parameters
 * @param bindings  the values of its named parameters
 * @param columns   the answer's columns: group columns first, then measures
 * @param dateColumns the columns holding date buckets, with their bucket (for gap filling)
 * @param entities  what it reads, as {@code <module>/<Entity>} (the topics of their record events)
 */
public record AggregatePlan(String sql, Map<String, Object> bindings, List<String> columns,
        Map<String, DateBucket> dateColumns, Set<String> entities) {

    public AggregatePlan {
        bindings = Map.copyOf(bindings);
        columns = List.copyOf(columns);
        dateColumns = Map.copyOf(dateColumns);
        entities = Set.copyOf(entities);
    }

    /** The statement and its bindings in a stable order: equal keys, equal answers on equal data. */
    public String key() {
        return sql + "|" + new java.util.TreeMap<>(bindings);
    }
}
