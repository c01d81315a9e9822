package io.mosaic.crm.sdk.aggregate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to aggregate. Fields are JSON field names of the entity, or {@code reference.field} for a
 * field of the record a reference points to (e.g. {@code accountId.industry}).
 *
 * @param entity   {@code <module>.<entity>} as in the metadata API ({@code sales.opportunity}), or the
 *                 resource ({@code sales.opportunities})
 * @param filters  the list API's filters ({@code stage=closed_won}, {@code closeDateFrom=2026-01-01}), or
 *                 a date/date-time field with a {@link RelativePeriod} ({@code closeDate=this_quarter});
 *                 {@code reference.field=value} filters by equality on a related field
 * @param groupBy  at most two
 * @param measures at least one
 * @param sort     comma-separated column names, {@code -} for descending; null for the group order
 * @param limit    most rows answered, 1 to {@link #MAX_LIMIT}
 * @param zone     the caller's time zone: relative periods and date-time buckets are in it
 * @param now      the instant relative periods are taken from
 */
public record AggregateQuery(String entity, Map<String, String> filters, List<Group> groupBy, List<Measure> measures,
        String sort, int limit, ZoneId zone, Instant now) {
    public static final int MAX_LIMIT = 10_000;
    public static final int DEFAULT_LIMIT = 1_000;

    public AggregateQuery {
        Objects.requireNonNull(entity, "entity");
        filters = Map.copyOf(filters);
        groupBy = List.copyOf(groupBy);
        measures = List.copyOf(measures);
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
    }

    /** A group-by: a field, and for a date or date-time field optionally a bucket (null: by value, or by day). */
    public record Group(String field, DateBucket bucket) {
        public Group {
            Objects.requireNonNull(field, "field");
        }

        /** The column name in the answer: the field, or {@code field_bucket} (e.g. {@code closeDate_month}). */
        public String column() {
            return bucket == null ? field : field + "_" + bucket.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A measure: {@code count} (rows; or non-null values of {@code field}), {@code sum, avg, min, max} of a number. */
    public record Measure(String fn, String field) {
        public static final List<String> FUNCTIONS = List.of("count", "sum", "avg", "min", "max");

        public Measure {
            Objects.requireNonNull(fn, "fn");
        }

        /** The column name in the answer: {@code count}, {@code sum_amount}, … */
        public String column() {
            return field == null ? fn : fn + "_" + field.replace('.', '_');
        }
    }
}
