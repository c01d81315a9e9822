package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.platform.records.internal.web.AggregateFields.Resolved;
import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.aggregate.RelativePeriod;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Principal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WHERE clause of an aggregation: the list API's filters parsed by the type's own list
 * contract (so {@code stage=won}, {@code closeDateFrom=…} mean what they mean on {@code GET}),
 * relative periods on date fields turned into that contract's range filters in the caller's
 * zone, equality on related fields, and the caller's ownership scope.
 */
final class AggregateFilters {
    private static final Set<String> NOT_FILTERS = Set.of("limit", "after", "sort", "fields", "q");

    private AggregateFilters() {}

    static ListQuery<Record> where(RecordType type, AggregateQuery query, Principal caller, AggregateFields fields,
            Map<String, Object> bindings) {
        RecordLists lists = new RecordLists(type);
        Map<String, List<String>> params = new LinkedHashMap<>();
        Map<String, Object> related = new LinkedHashMap<>();
        StringBuilder relatedSql = new StringBuilder();
        int i = 0;
        for (Map.Entry<String, String> filter : query.filters().entrySet()) {
            String name = filter.getKey();
            String value = filter.getValue();
            if (NOT_FILTERS.contains(name) || value == null) {
                throw new BadRequestException("invalid_filter", "'" + name + "' is not a filter");
            }
            RelativePeriod period = RelativePeriod.of(value, query.now(), query.zone());
            if (name.contains(".")) {
                Resolved field = fields.resolve(name);
                Object bound = parse(field, value, name);
                relatedSql.append(relatedSql.length() == 0 ? "" : " AND ").append(field.column()).append(" = :ag_r").append(i);
                related.put("ag_r" + i++, bound);
            } else if (period != null && isDate(type, name)) {
                range(type, name, period, query, lists, params);
            } else {
                params.put(name, List.of(value));
            }
        }
        ListQuery<Record> list = lists.parse(params, caller.hiddenFields(type.resource()), 0);
        if (caller.ownOnly(type.permission(Action.READ))) {
            list.where("r.owner_id = :scope_owner", Map.of("scope_owner", caller.userId()));
        }
        if (!related.isEmpty()) {
            list.where(relatedSql.toString(), related);
        }
        return list;
    }

    private static boolean isDate(RecordType type, String name) {
        if (name.equals("createdAt") || name.equals("updatedAt")) {
            return true;
        }
        return type.field(name).map(f -> f.kind() == FieldKind.DATE || f.kind() == FieldKind.DATETIME).orElse(false);
    }

    /** A period as the field's range filters: inclusive From/To, or exclusive After/Before. */
    private static void range(RecordType type, String name, RelativePeriod period, AggregateQuery query, RecordLists lists,
            Map<String, List<String>> params) {
        Field declared = type.field(name).orElse(null);
        List<String> names = declared == null
                ? List.of(name.replace("At", "After"), name.replace("At", "Before"))
                : declared.rangeFilterNames();
        if (!lists.filters().containsKey(names.get(0))) {
            throw new BadRequestException("invalid_filter", name + " cannot be filtered by a period");
        }
        boolean date = declared != null && declared.kind() == FieldKind.DATE;
        boolean exclusive = names.get(0).endsWith("After");
        String from;
        String to;
        if (date) {
            from = period.first().toString();
            to = period.last().toString();
        } else {
            Instant start = period.start(query.zone());
            Instant end = period.end(query.zone());
            from = instant(exclusive ? start.minusNanos(1000) : start);
            to = instant(exclusive ? end : end.minusNanos(1000));
        }
        params.put(names.get(0), List.of(from));
        params.put(names.get(1), List.of(to));
    }

    private static String instant(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant);
    }

    private static Object parse(Resolved field, String value, String name) {
        try {
            return RecordLists.fieldType(field.kind()).parse(value);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("invalid_filter", name + " has a value of the wrong type");
        }
    }

}
