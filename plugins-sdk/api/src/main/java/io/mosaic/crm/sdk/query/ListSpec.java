package io.mosaic.crm.sdk.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * What a list of rows of type {@code T} offers its callers: filters, sort fields, prefix search,
 * selectable fields and page sizes. Column names and conditions come only from here (trusted
 * code), never from a request. Build one per list with {@link #builder(String, Function)}; it is
 * immutable and may be shared.
 */
public final class ListSpec<T> {
    /** Name of the sort field that every spec offers: the row id, also the final tie-breaker. */
    public static final String ID = "id";
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");
    private static final Pattern COLUMN = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*(\\.[a-zA-Z_][a-zA-Z0-9_]*)?");

    /** How a filter compares the column with the parameter value. */
    public enum Comparison {
        EQUAL("="), GREATER(">"), GREATER_OR_EQUAL(">="), LESS("<"), LESS_OR_EQUAL("<=");

        final String operator;

        Comparison(String operator) {
            this.operator = operator;
        }
    }

    record Filter(String name, FieldType type, String column, Comparison comparison) {}

    record Sort<T>(String name, FieldType type, String column, boolean nullable, Function<T, ?> value) {}

    private final Map<String, Filter> filters;
    private final Map<String, Sort<T>> sorts;
    private final List<String> defaultSort;
    private final List<String> searchColumns;
    private final boolean matchOrder;
    private final List<String> fields;
    private final List<String> conditions;
    private final int defaultLimit;
    private final int maxLimit;

    private ListSpec(Builder<T> b) {
        this.filters = Map.copyOf(b.filters);
        this.sorts = Map.copyOf(b.sorts);
        this.defaultSort = List.copyOf(b.defaultSort);
        this.searchColumns = List.copyOf(b.searchColumns);
        this.matchOrder = b.matchOrder;
        this.fields = List.copyOf(b.fields);
        this.conditions = List.copyOf(b.conditions);
        this.defaultLimit = DEFAULT_LIMIT;
        this.maxLimit = MAX_LIMIT;
    }

    private ListSpec(ListSpec<T> other, int defaultLimit, int maxLimit) {
        if (defaultLimit < 1 || maxLimit < defaultLimit) {
            throw new IllegalArgumentException("need 1 <= defaultLimit <= maxLimit, got " + defaultLimit + ", " + maxLimit);
        }
        this.filters = other.filters;
        this.sorts = other.sorts;
        this.defaultSort = other.defaultSort;
        this.searchColumns = other.searchColumns;
        this.matchOrder = other.matchOrder;
        this.fields = other.fields;
        this.conditions = other.conditions;
        this.defaultLimit = defaultLimit;
        this.maxLimit = maxLimit;
    }

    /**
     * Starts a spec for rows whose unique, non-null id is in {@code idColumn} (such as {@code a.id})
     * and read from a row by {@code id}. The id is always sortable as {@value #ID}.
     */
    public static <T> Builder<T> builder(String idColumn, Function<T, Long> id) {
        return new Builder<T>().sort(ID, FieldType.LONG, idColumn, false, id);
    }

    /** The same spec with other page sizes, e.g. from live configuration. */
    public ListSpec<T> withLimits(int defaultLimit, int maxLimit) {
        return new ListSpec<>(this, defaultLimit, maxLimit);
    }

    public int defaultLimit() {
        return defaultLimit;
    }

    public int maxLimit() {
        return maxLimit;
    }

    /** The selectable fields in their declared order. */
    public List<String> fields() {
        return fields;
    }

    Map<String, Filter> filters() {
        return filters;
    }

    Map<String, Sort<T>> sorts() {
        return sorts;
    }

    List<String> defaultSort() {
        return defaultSort;
    }

    List<String> searchColumns() {
        return searchColumns;
    }

    boolean matchOrder() {
        return matchOrder;
    }

    List<String> conditions() {
        return conditions;
    }

    /** Collects the declarations of a {@link ListSpec}. */
    public static final class Builder<T> {
        private final Map<String, Filter> filters = new LinkedHashMap<>();
        private final Map<String, Sort<T>> sorts = new LinkedHashMap<>();
        private final List<String> defaultSort = new ArrayList<>();
        private final List<String> searchColumns = new ArrayList<>();
        private boolean matchOrder;
        private final List<String> fields = new ArrayList<>();
        private final List<String> conditions = new ArrayList<>();

        private Builder() {}

        /** A filter {@code ?name=value} matching rows whose {@code column} equals the value. */
        public Builder<T> filter(String name, FieldType type, String column) {
            return filter(name, type, column, Comparison.EQUAL);
        }

        /** A filter {@code ?name=value} comparing {@code column} with the value, e.g. {@code createdAfter}. */
        public Builder<T> filter(String name, FieldType type, String column, Comparison comparison) {
            checkName(name);
            if (ListQuery.RESERVED.contains(name) || filters.containsKey(name)) {
                throw new IllegalArgumentException("filter name taken: " + name);
            }
            filters.put(name, new Filter(name, Objects.requireNonNull(type), column(column), Objects.requireNonNull(comparison)));
            return this;
        }

        /**
         * A sort field. {@code nullable} says whether the column may hold NULL (which sorts first
         * ascending, last descending); {@code value} reads the field from a row for the cursor.
         */
        public Builder<T> sort(String name, FieldType type, String column, boolean nullable, Function<T, ?> value) {
            checkName(name);
            if (sorts.containsKey(name)) {
                throw new IllegalArgumentException("sort field declared twice: " + name);
            }
            sorts.put(name, new Sort<>(name, Objects.requireNonNull(type), column(column), nullable, Objects.requireNonNull(value)));
            return this;
        }

        /** The sort used when the request has no {@code ?sort=}, e.g. {@code "name"} or {@code "-createdAt"}. */
        public Builder<T> defaultSort(String... keys) {
            defaultSort.clear();
            defaultSort.addAll(List.of(keys));
            return this;
        }

        /** Columns that {@code ?q=} matches by prefix (any of them). */
        public Builder<T> search(String... columns) {
            for (String column : columns) {
                searchColumns.add(column(column));
            }
            return this;
        }

        /**
         * Lists a search without {@code ?sort=} in match order, one index range per search column
         * (see {@link ListQuery#statement}); the caller then builds its SQL with {@code statement()}
         * and pages with {@code pageOf()}. Without it, {@code ?q=} is an {@code OR} of the columns,
         * in the default sort. Since 1.1.
         */
        public Builder<T> searchInMatchOrder() {
            matchOrder = true;
            return this;
        }

        /** Fields that {@code ?fields=} may select. */
        public Builder<T> fields(String... names) {
            for (String name : names) {
                checkName(name);
                fields.add(name);
            }
            return this;
        }

        /** A fixed SQL condition every query has, such as {@code a.deleted_at IS NULL}. Trusted text. */
        public Builder<T> where(String condition) {
            conditions.add(Objects.requireNonNull(condition));
            return this;
        }

        public ListSpec<T> build() {
            if (defaultSort.isEmpty()) {
                defaultSort.add(ID);
            }
            ListSpec<T> spec = new ListSpec<>(this);
            try {
                ListQuery.parseSort(spec, String.join(",", defaultSort));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("bad default sort: " + defaultSort, e);
            }
            return spec;
        }

        private static void checkName(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a field name: " + name);
            }
        }

        private static String column(String column) {
            if (column == null || !COLUMN.matcher(column).matches()) {
                throw new IllegalArgumentException("not a column name: " + column);
            }
            return column;
        }
    }
}
