package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The metadata of a record type as {@code GET /api/metadata} shows it: every field with its kind,
 * constraints, enum values, reference target, what lists may do with it, and the permissions of
 * the type with what the caller holds. Built from the declaration, so it is always what is served.
 */
final class Metadata {
    private Metadata() {}

    static Map<String, Object> summary(RecordType type, Principal caller) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("module", type.module());
        out.put("entity", type.entity());
        out.put("label", type.label());
        out.put("path", "/api/" + type.module() + "/" + type.path());
        out.put("resource", type.resource());
        String importName = type.module() + "." + Character.toLowerCase(type.entity().charAt(0)) + type.entity().substring(1);
        out.put("name", importName);
        // bulk data (docs/import-export.md): the streamed export, and the import job of platform-jobs
        out.put("export", "/api/" + type.module() + "/" + type.path() + "/export");
        out.put("import", "/api/jobs/imports?entity=" + importName);
        Map<String, Object> permissions = new LinkedHashMap<>();
        Map<String, Boolean> granted = new LinkedHashMap<>();
        for (Action action : Action.values()) {
            String name = action.name().toLowerCase(Locale.ROOT);
            permissions.put(name, type.permission(action).toString());
            granted.put(name, caller.may(type.permission(action)));
        }
        out.put("permissions", permissions);
        out.put("granted", granted);
        return out;
    }

    static Map<String, Object> full(RecordType type, Principal caller) {
        Map<String, Object> out = summary(type, caller);
        Set<String> hidden = caller.hiddenFields(type.resource());
        RecordLists lists = new RecordLists(type);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        lists.filters().forEach((param, field) -> filters.computeIfAbsent(field, f -> new ArrayList<>()).add(param));
        List<Map<String, Object>> fields = new ArrayList<>();
        fields.add(standard("id", "reference", true, false, true, filters, hidden));
        for (Field field : type.fields()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("name", field.name());
            f.put("kind", field.kind().name().toLowerCase(Locale.ROOT));
            f.put("schema", RecordSchemas.schema(field, true));
            f.put("required", field.isRequired());
            f.put("readOnly", !field.isWritable());
            if (field.kind().isText()) {
                f.put("maxLength", field.maxLength());
            }
            if (!field.values().isEmpty()) {
                f.put("values", field.values());
            }
            if (field.target() != null) {
                f.put("references", field.target());
            }
            if (field.currencyField() != null) {
                f.put("currencyField", field.currencyField());
            }
            if (field.defaultValue() != null) {
                f.put("default", field.defaultValue());
            }
            f.put("filters", filters.getOrDefault(field.name(), List.of()));
            f.put("sortable", field.isSortable());
            f.put("searchable", field.isSearchable() || type.searchColumns().containsValue(field.name()));
            f.put("sensitive", field.isSensitive());
            f.put("hidden", hidden.contains(field.name()));
            if (!field.description().isEmpty()) {
                f.put("description", field.description());
            }
            fields.add(f);
        }
        fields.add(standard("ownerId", "reference", false, false, false, filters, hidden));
        fields.add(standard("version", "integer", true, false, false, filters, hidden));
        fields.add(standard("createdAt", "datetime", true, true, false, filters, hidden));
        fields.add(standard("updatedAt", "datetime", true, true, false, filters, hidden));
        out.put("fields", fields);
        List<Map<String, Object>> keys = new ArrayList<>();
        for (UniqueKey key : type.uniqueKeys()) {
            keys.add(Map.of("fields", key.fields()));
        }
        out.put("uniqueKeys", keys);
        out.put("defaultSort", type.defaultSort().isEmpty() ? List.of("id") : type.defaultSort());
        return out;
    }

    private static Map<String, Object> standard(String name, String kind, boolean readOnly, boolean sortable, boolean id,
            Map<String, List<String>> filters, Set<String> hidden) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", name);
        f.put("kind", kind);
        f.put("standard", true);
        f.put("required", true);
        f.put("readOnly", readOnly);
        f.put("filters", filters.getOrDefault(name, List.of()));
        f.put("sortable", sortable || id);
        f.put("searchable", false);
        f.put("sensitive", false);
        f.put("hidden", hidden.contains(name));
        return f;
    }
}
