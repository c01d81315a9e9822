package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.query.FieldType;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.ListSpec;
import io.mosaic.crm.sdk.query.ListSpec.Comparison;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The list contract of a record type, derived from its fields: filters (equality and ranges),
 * sorts, prefix search and selectable fields, each knowing which field it reads. Field rules
 * apply to all of them: a caller who may not see a field may not filter, sort or select by it
 * (403 {@code field_forbidden}), and {@code ?q=} searches only the columns of fields they see
 * (403 when that leaves none).
 */
final class RecordLists {
    static final String ALIAS = "r.";
    private final RecordType type;
    /** Query parameter → the field it reads. */
    private final Map<String, String> filterFields = new LinkedHashMap<>();
    private final Map<String, String> searchColumns = new LinkedHashMap<>();
    private final List<String> fields = new ArrayList<>();
    private final Map<Set<String>, ListSpec<Record>> specs = new ConcurrentHashMap<>();
    private volatile int defaultLimit = ListSpec.DEFAULT_LIMIT;
    private volatile int maxLimit = ListSpec.MAX_LIMIT;

    RecordLists(RecordType type) {
        this.type = type;
        fields.add("id");
        for (Field field : type.fields()) {
            fields.add(field.name());
            if (field.isSearchable()) {
                searchColumns.put(ALIAS + field.columnName(), field.name());
            }
        }
        fields.addAll(List.of("ownerId", "version", "createdAt", "updatedAt"));
        type.searchColumns().forEach((column, field) -> searchColumns.put(ALIAS + column, field));
        specs.put(Set.of(), spec(Set.of()));
    }

    void pageSizes(int defaultLimit, int maxLimit) {
        this.maxLimit = maxLimit;
        this.defaultLimit = defaultLimit;
    }

    /** Parses a list request for a caller who may not see {@code hidden}; refuses what would reveal them. */
    ListQuery<Record> parse(Map<String, List<String>> params, Set<String> hidden, int atLeastMax) {
        ListSpec<Record> spec = specs.computeIfAbsent(Set.copyOf(hidden), this::spec);
        if (!hidden.isEmpty()) {
            check(params, hidden);
        }
        int max = Math.max(maxLimit, atLeastMax);
        return ListQuery.parse(params, spec.withLimits(Math.min(defaultLimit, max), max));
    }

    /** The query parameters the list understands, with the field each filter reads. */
    Map<String, String> filters() {
        return filterFields;
    }

    List<String> fields() {
        return fields;
    }

    private void check(Map<String, List<String>> params, Set<String> hidden) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String field = filterFields.get(param.getKey());
            if (field != null && hidden.contains(field)) {
                throw forbidden(field);
            }
            if (param.getKey().equals("sort") || param.getKey().equals("fields")) {
                for (String value : param.getValue()) {
                    for (String term : value.split(",")) {
                        String name = term.strip().replaceFirst("^[-+]", "");
                        if (hidden.contains(name)) {
                            throw forbidden(name);
                        }
                    }
                }
            }
            if (param.getKey().equals("q") && searchColumns.values().stream().allMatch(hidden::contains)) {
                throw forbidden(String.join(", ", Set.copyOf(searchColumns.values())));
            }
        }
    }

    private ListSpec<Record> spec(Set<String> hidden) {
        ListSpec.Builder<Record> b = ListSpec.<Record>builder("r.id", Record::id).where("r.deleted_at IS NULL")
                .searchInMatchOrder();
        Map<String, String> filterFields = new LinkedHashMap<>();
        for (Field field : type.fields()) {
            String column = ALIAS + field.columnName();
            FieldType fieldType = fieldType(field.kind());
            String name = field.name();
            Field.Filter how = field.filtering();
            if (how == Field.Filter.EQUAL || how == Field.Filter.EQUAL_AND_RANGE) {
                b.filter(name, fieldType, column);
                filterFields.put(name, name);
            }
            if (how == Field.Filter.RANGE || how == Field.Filter.EQUAL_AND_RANGE) {
                range(b, filterFields, field.rangeFilterNames(), name, fieldType, column);
            }
            if (field.isSortable()) {
                b.sort(name, fieldType, column, !field.isRequired(), r -> r.get(name));
            }
        }
        b.filter("ownerId", FieldType.LONG, "r.owner_id");
        filterFields.put("ownerId", "ownerId");
        range(b, filterFields, List.of("createdAfter", "createdBefore"), "createdAt", FieldType.INSTANT, "r.created_at");
        range(b, filterFields, List.of("updatedAfter", "updatedBefore"), "updatedAt", FieldType.INSTANT, "r.updated_at");
        if (this.filterFields.isEmpty()) {
            this.filterFields.putAll(filterFields);
        }
        b.sort("createdAt", FieldType.INSTANT, "r.created_at", false, Record::createdAt);
        b.sort("updatedAt", FieldType.INSTANT, "r.updated_at", false, Record::updatedAt);
        searchColumns.forEach((column, field) -> {
            if (!hidden.contains(field)) {
                b.search(column);
            }
        });
        if (!type.defaultSort().isEmpty()) {
            b.defaultSort(type.defaultSort().toArray(String[]::new));
        }
        return b.fields(fields.toArray(String[]::new)).build();
    }

    private static void range(ListSpec.Builder<Record> b, Map<String, String> filterFields, List<String> names, String field,
            FieldType type, String column) {
        boolean exclusive = names.get(0).endsWith("After");
        b.filter(names.get(0), type, column, exclusive ? Comparison.GREATER : Comparison.GREATER_OR_EQUAL);
        b.filter(names.get(1), type, column, exclusive ? Comparison.LESS : Comparison.LESS_OR_EQUAL);
        filterFields.put(names.get(0), field);
        filterFields.put(names.get(1), field);
    }

    static FieldType fieldType(FieldKind kind) {
        return switch (kind) {
            case INTEGER -> FieldType.INTEGER;
            case REFERENCE -> FieldType.LONG;
            case DECIMAL, MONEY -> FieldType.DECIMAL;
            case BOOLEAN -> FieldType.BOOLEAN;
            case DATETIME -> FieldType.INSTANT;
            default -> FieldType.STRING;
        };
    }

    private static ForbiddenException forbidden(String field) {
        return new ForbiddenException("field_forbidden", "you may not see, sort, filter or search by " + field);
    }
}
