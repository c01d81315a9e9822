package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.platform.records.internal.web.AggregateFields.Resolved;
import io.mosaic.crm.sdk.aggregate.AggregatePlan;
import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.aggregate.AggregateQuery.Group;
import io.mosaic.crm.sdk.aggregate.AggregateQuery.Measure;
import io.mosaic.crm.sdk.aggregate.DateBucket;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Principal;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the one statement of an aggregation from a record type's declaration:
 * {@code SELECT <groups>, <measures> FROM <table> r [LEFT JOIN <target> j0 …] WHERE <list filters>
 * GROUP BY … ORDER BY … LIMIT :ag_limit}. The WHERE clause is the list API's own
 * ({@link RecordLists} → {@link ListQuery}), so filters, field rules and the ownership scope are
 * those of {@code GET /<path>}. A money measure also groups by its currency: totals never add
 * different currencies.
 */
public final class AggregateStatement {
    private AggregateStatement() {}

    public static AggregatePlan plan(RecordType type, AggregateQuery query, Principal caller,
            Function<String, Optional<RecordType>> types) {
        if (!caller.may(type.permission(Action.READ))) {
            throw new ForbiddenException("you may not read " + type.resource());
        }
        if (query.groupBy().size() > 2) {
            throw AggregateFields.invalid("at most two groupBy entries");
        }
        if (query.measures().isEmpty() || query.measures().size() > 10) {
            throw AggregateFields.invalid("give one to ten measures");
        }
        if (query.limit() < 1 || query.limit() > AggregateQuery.MAX_LIMIT) {
            throw AggregateFields.invalid("limit must be 1 to " + AggregateQuery.MAX_LIMIT);
        }
        AggregateFields fields = new AggregateFields(type, caller, types);
        Map<String, Object> bindings = new LinkedHashMap<>();
        bindings.put("ag_tz", offset(query));
        List<String> select = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        Map<String, DateBucket> dateColumns = new LinkedHashMap<>();
        for (Group group : query.groupBy()) {
            Resolved field = fields.resolve(group.field());
            String expression = groupExpression(field, group.bucket());
            add(select, columns, expression, group.column());
            if (group.bucket() != null || field.kind() == FieldKind.DATETIME) {
                dateColumns.put(group.column(), group.bucket() == null ? DateBucket.DAY : group.bucket());
            }
        }
        Set<String> currencies = new HashSet<>();
        List<String> measureSelect = new ArrayList<>();
        List<String> measureColumns = new ArrayList<>();
        for (Measure measure : query.measures()) {
            measureSelect.add(measureExpression(fields, measure, select, columns, currencies));
            measureColumns.add(measure.column());
        }
        int groups = select.size();
        for (int i = 0; i < measureSelect.size(); i++) {
            add(select, columns, measureSelect.get(i), measureColumns.get(i));
        }
        if (new HashSet<>(columns).size() != columns.size()) {
            throw AggregateFields.invalid("two columns have the same name: " + columns);
        }
        ListQuery<Record> where = AggregateFilters.where(type, query, caller, fields, bindings);
        bindings.putAll(without(where.bindings(), "lq_limit"));
        bindings.put("ag_limit", query.limit());
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(type.table()).append(" r ").append(fields.joins())
                .append(" WHERE ").append(where.where());
        if (groups > 0) {
            sql.append(" GROUP BY ").append(String.join(", ", aliases(0, groups)));
        }
        String order = order(query.sort(), columns, groups);
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(order);
        }
        sql.append(" LIMIT :ag_limit");
        if (!sql.toString().contains(":ag_tz")) {
            bindings.remove("ag_tz");
        }
        return new AggregatePlan(sql.toString(), bindings, columns, dateColumns, fields.entities());
    }

    private static void add(List<String> select, List<String> columns, String expression, String column) {
        select.add(expression + " AS c" + select.size());
        columns.add(column);
    }

    private static String groupExpression(Resolved field, DateBucket bucket) {
        boolean dateTime = field.kind() == FieldKind.DATETIME;
        if (bucket != null && field.kind() != FieldKind.DATE && !dateTime) {
            throw AggregateFields.invalid(field.name() + " is not a date: it cannot be grouped by " + bucket.name().toLowerCase());
        }
        String day = dateTime ? "DATE(CONVERT_TZ(" + field.column() + ", '+00:00', :ag_tz))" : field.column();
        if (bucket == null) {
            return day;
        }
        return switch (bucket) {
            case DAY -> day;
            case WEEK -> "DATE_SUB(" + day + ", INTERVAL WEEKDAY(" + day + ") DAY)";
            case MONTH -> "DATE_SUB(" + day + ", INTERVAL DAYOFMONTH(" + day + ") - 1 DAY)";
            case QUARTER -> "MAKEDATE(YEAR(" + day + "), 1) + INTERVAL QUARTER(" + day + ") - 1 QUARTER";
            case YEAR -> "MAKEDATE(YEAR(" + day + "), 1)";
        };
    }

    private static String measureExpression(AggregateFields fields, Measure measure, List<String> select,
            List<String> columns, Set<String> currencies) {
        if (!Measure.FUNCTIONS.contains(measure.fn())) {
            throw AggregateFields.invalid("unknown measure " + measure.fn() + "; one of " + Measure.FUNCTIONS);
        }
        if (measure.field() == null) {
            if (!measure.fn().equals("count")) {
                throw AggregateFields.invalid(measure.fn() + " needs a field");
            }
            return "COUNT(*)";
        }
        Resolved field = fields.resolve(measure.field());
        if (measure.fn().equals("count")) {
            return "COUNT(" + field.column() + ")";
        }
        boolean number = field.kind() == FieldKind.INTEGER || field.kind() == FieldKind.DECIMAL || field.kind() == FieldKind.MONEY;
        boolean date = field.kind() == FieldKind.DATE || field.kind() == FieldKind.DATETIME;
        if (!number && !(date && (measure.fn().equals("min") || measure.fn().equals("max")))) {
            throw AggregateFields.invalid(measure.fn() + " needs a number or money field; " + field.name() + " is "
                    + field.kind().name().toLowerCase());
        }
        if (field.currencyColumn() != null && currencies.add(field.currencyColumn())) {
            add(select, columns, field.currencyColumn(), field.currencyName());
        }
        String fn = measure.fn().toUpperCase();
        return fn.equals("AVG") ? "ROUND(AVG(" + field.column() + "), 4)" : fn + "(" + field.column() + ")";
    }

    private static String order(String sort, List<String> columns, int groups) {
        if (sort == null || sort.isBlank()) {
            return String.join(", ", aliases(0, groups));
        }
        List<String> keys = new ArrayList<>();
        for (String term : sort.split(",", -1)) {
            boolean descending = term.startsWith("-");
            int index = columns.indexOf(descending ? term.substring(1) : term);
            if (index < 0) {
                throw AggregateFields.invalid("cannot sort by '" + term + "'; columns: " + String.join(", ", columns));
            }
            keys.add("c" + index + (descending ? " DESC" : " ASC"));
        }
        return String.join(", ", keys);
    }

    private static List<String> aliases(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("c" + i);
        }
        return out;
    }

    private static Map<String, Object> without(Map<String, Object> map, String key) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    /** The zone's offset now, e.g. {@code +01:00} (named zones need the server's time-zone tables). */
    private static String offset(AggregateQuery query) {
        ZoneOffset offset = query.zone().getRules().getOffset(query.now());
        return offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId();
    }
}
