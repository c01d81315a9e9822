package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The fields an aggregation may name: the entity's own (declared and standard) and those of a
 * record one reference away ({@code accountId.industry}), each a column of the main table
 * ({@code r}) or of a LEFT JOIN ({@code j0}, {@code j1}) that this class adds once per reference.
 * Field rules and read permissions of both types apply: 403 {@code field_forbidden}.
 */
final class AggregateFields {
    /** A usable field: its SQL column (alias included), kind, and the currency column of money. */
    record Resolved(String name, String column, FieldKind kind, String currencyColumn, String currencyName) {}

    private final RecordType type;
    private final Principal caller;
    private final Function<String, Optional<RecordType>> types;
    private final Map<String, String> joins = new LinkedHashMap<>();
    private final Set<String> entities = new TreeSet<>();

    AggregateFields(RecordType type, Principal caller, Function<String, Optional<RecordType>> types) {
        this.type = type;
        this.caller = caller;
        this.types = types;
        entities.add(type.module() + "/" + type.entity());
    }

    Resolved resolve(String name) {
        if (name == null || name.length() > 130) {
            throw invalid("a field name is missing or too long");
        }
        int dot = name.indexOf('.');
        if (dot < 0) {
            return own(type, "r.", name, name);
        }
        String referenceName = name.substring(0, dot);
        Resolved reference = own(type, "r.", referenceName, referenceName);
        Field declared = type.field(referenceName).orElse(null);
        if (declared == null || declared.kind() != FieldKind.REFERENCE || declared.target() == null) {
            throw invalid(referenceName + " is not a reference to another record type");
        }
        RecordType target = types.apply(declared.target()).orElseThrow(() -> new UnavailableException("module_unavailable",
                "the module of " + declared.target() + " is not running"));
        if (!caller.may(target.permission(Action.READ))) {
            throw new ForbiddenException("you may not read " + target.resource());
        }
        String alias = joins.computeIfAbsent(reference.column(), column -> {
            String a = "j" + joins.size();
            entities.add(target.module() + "/" + target.entity());
            return a;
        });
        String sql = "LEFT JOIN " + target.table() + " " + alias + " ON " + alias + ".id = " + reference.column()
                + " AND " + alias + ".deleted_at IS NULL";
        joinSql.put(alias, sql);
        return own(target, alias + ".", name.substring(dot + 1), name);
    }

    private final Map<String, String> joinSql = new LinkedHashMap<>();

    /** The LEFT JOINs the resolved fields need. */
    String joins() {
        return String.join(" ", joinSql.values());
    }

    /** The entities read, as {@code <module>/<Entity>}. */
    Set<String> entities() {
        return entities;
    }

    private Resolved own(RecordType of, String alias, String field, String fullName) {
        if (caller.hiddenFields(of.resource()).contains(field)) {
            throw new ForbiddenException("field_forbidden", "you may not see, group, filter or measure by " + fullName);
        }
        switch (field) {
            case "id", "ownerId" -> {
                return new Resolved(fullName, alias + (field.equals("id") ? "id" : "owner_id"), FieldKind.REFERENCE, null, null);
            }
            case "createdAt", "updatedAt" -> {
                return new Resolved(fullName, alias + (field.equals("createdAt") ? "created_at" : "updated_at"),
                        FieldKind.DATETIME, null, null);
            }
            default -> { }
        }
        Field declared = of.field(field).orElseThrow(() -> invalid(of.module() + "." + of.entity().toLowerCase(java.util.Locale.ROOT)
                + " has no field " + field));
        if (declared.kind() == FieldKind.JSON) {
            throw invalid(fullName + " holds structured JSON and cannot be grouped or measured");
        }
        String currency = null;
        String currencyName = null;
        if (declared.kind() == FieldKind.MONEY) {
            Field currencyField = of.field(declared.currencyField()).orElseThrow();
            if (caller.hiddenFields(of.resource()).contains(currencyField.name())) {
                throw new ForbiddenException("field_forbidden", "you may not see " + currencyField.name());
            }
            currency = alias + currencyField.columnName();
            currencyName = fullName.substring(0, fullName.length() - field.length()) + currencyField.name();
        }
        return new Resolved(fullName, alias + declared.columnName(), declared.kind(), currency, currencyName);
    }

    static BadRequestException invalid(String message) {
        return new BadRequestException("invalid_report", message);
    }
}
