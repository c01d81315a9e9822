package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.http.Route;
import io.mosaic.crm.sdk.query.FieldType;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI description of a record type's routes, from its declaration: JSON Schemas of the
 * record ({@code <Entity>}), the create body ({@code <Entity>Create}, with {@code required}), the
 * patch body ({@code <Entity>Patch}), pages, typed list parameters and the errors of each route.
 */
final class RecordSchemas {
    private final RecordType type;
    private final RecordLists lists;

    RecordSchemas(RecordType type, RecordLists lists) {
        this.type = type;
        this.lists = lists;
    }

    void create(Route route) {
        route.requestSchema(type.entity() + "Create", body(true)).responseSchema(type.entity(), record())
                .errors(409, 413, 415, 422);
    }

    void patch(Route route) {
        route.requestSchema(type.entity() + "Patch", body(false)).responseSchema(type.entity(), record())
                .errors(404, 409, 412, 413, 415, 422, 428);
    }

    void one(Route route) {
        route.responseSchema(type.entity(), record()).errors(404);
    }

    void list(Route route) {
        route.responseSchema(type.entity() + "Page", page(ref(type.entity())));
        route.queryParameter("limit", "rows per page (default 50)", Map.of("type", "integer", "minimum", 1, "maximum", 500));
        route.queryParameter("after", "the next cursor of the previous page", Map.of("type", "string"));
        route.queryParameter("sort", "comma-separated fields, - for descending; sortable: " + String.join(", ", sortable()),
                Map.of("type", "string"));
        route.queryParameter("fields", "comma-separated fields to return: " + String.join(", ", lists.fields()),
                Map.of("type", "string"));
        if (type.fields().stream().anyMatch(Field::isSearchable) || !type.searchColumns().isEmpty()) {
            route.queryParameter("q", "prefix search", Map.of("type", "string", "maxLength", 200));
        }
        lists.filters().forEach((name, field) -> route.queryParameter(name, "filter on " + field, filterSchema(field)));
    }

    void history(Route route) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("type", "object");
        change.put("required", List.of("changeId", "kind", "userId", "at", "version", "changes"));
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("changeId", Map.of("type", "integer", "format", "int64"));
        props.put("kind", Map.of("type", "string", "enum", List.of("CREATED", "UPDATED", "DELETED")));
        props.put("userId", Map.of("type", "integer", "format", "int64"));
        props.put("at", Map.of("type", "string", "format", "date-time"));
        props.put("version", Map.of("type", "integer"));
        props.put("changes", Map.of("type", "object", "additionalProperties", Map.of("type", "object",
                "properties", Map.of("before", Map.of(), "after", Map.of(), "redacted", Map.of("type", "boolean")))));
        change.put("properties", props);
        route.responseSchema("RecordChangePage", page(change)).errors(404);
        route.queryParameter("limit", "changes per page (default 50)", Map.of("type", "integer", "minimum", 1, "maximum", 500));
        route.queryParameter("after", "the next cursor of the previous page", Map.of("type", "string"));
    }

    private List<String> sortable() {
        List<String> names = new ArrayList<>(List.of("id"));
        type.fields().stream().filter(Field::isSortable).map(Field::name).forEach(names::add);
        names.addAll(List.of("createdAt", "updatedAt"));
        return names;
    }

    private Map<String, Object> filterSchema(String field) {
        FieldKind kind = switch (field) {
            case "ownerId" -> FieldKind.REFERENCE;
            case "createdAt", "updatedAt" -> FieldKind.DATETIME;
            default -> type.field(field).orElseThrow().kind();
        };
        FieldType filterType = RecordLists.fieldType(kind);
        return switch (filterType) {
            case LONG -> Map.of("type", "integer", "format", "int64");
            case INTEGER -> Map.of("type", "integer", "format", "int32");
            case BOOLEAN -> Map.of("type", "boolean");
            case DECIMAL -> Map.of("type", "string", "format", "decimal");
            case INSTANT -> Map.of("type", "string", "format", "date-time");
            default -> kind == FieldKind.ENUM ? Map.of("type", "string", "enum", type.field(field).orElseThrow().values())
                    : Map.of("type", "string");
        };
    }

    private Map<String, Object> record() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("id", Map.of("type", "integer", "format", "int64", "readOnly", true));
        for (Field field : type.fields()) {
            props.put(field.name(), schema(field, true));
        }
        props.put("ownerId", Map.of("type", "integer", "format", "int64"));
        props.put("version", Map.of("type", "integer", "readOnly", true));
        props.put("createdAt", Map.of("type", "string", "format", "date-time", "readOnly", true));
        props.put("updatedAt", Map.of("type", "string", "format", "date-time", "readOnly", true));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("required", new ArrayList<>(props.keySet()));
        schema.put("properties", props);
        return schema;
    }

    private Map<String, Object> body(boolean create) {
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (Field field : type.fields()) {
            if (!field.isWritable()) {
                continue;
            }
            props.put(field.name(), schema(field, !field.isRequired() || !create));
            if (create && field.isRequired() && field.defaultValue() == null) {
                required.add(field.name());
            }
        }
        props.put("ownerId", Map.of("type", List.of("integer", "null"), "format", "int64",
                "description", "defaults to the caller"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", props);
        schema.put("additionalProperties", false);
        return schema;
    }

    /** The JSON Schema of a field's values; {@code nullable} adds {@code "null"} to the type. */
    static Map<String, Object> schema(Field field, boolean nullable) {
        Map<String, Object> schema = new LinkedHashMap<>();
        FieldKind kind = field.kind();
        if (kind == FieldKind.JSON) {
            schema.putAll(field.jsonSchema());
            if (!field.isWritable()) {
                schema.put("readOnly", true);
            }
            return schema;
        }
        schema.put("type", nullable && !field.isRequired() || nullable && !field.isWritable()
                ? List.of(kind.jsonType(), "null") : kind.jsonType());
        if (kind.format() != null) {
            schema.put("format", kind.format());
        }
        if (kind.isText()) {
            schema.put("maxLength", field.maxLength());
        }
        if (kind == FieldKind.ENUM) {
            List<Object> values = new ArrayList<>(field.values());
            if (nullable && !field.isRequired()) {
                values.add(null);
            }
            schema.put("enum", values);
        }
        if (field.min() != null) {
            schema.put("minimum", field.min());
        }
        if (field.max() != null) {
            schema.put("maximum", field.max());
        }
        if (field.target() != null) {
            schema.put("description", "id of a record of " + field.target());
        } else if (!field.description().isEmpty()) {
            schema.put("description", field.description());
        }
        if (!field.isWritable()) {
            schema.put("readOnly", true);
        }
        return schema;
    }

    private static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    private static Map<String, Object> page(Map<String, Object> item) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("required", List.of("items", "next"));
        schema.put("properties", Map.of("items", Map.of("type", "array", "items", item),
                "next", Map.of("type", List.of("string", "null"))));
        return schema;
    }
}
