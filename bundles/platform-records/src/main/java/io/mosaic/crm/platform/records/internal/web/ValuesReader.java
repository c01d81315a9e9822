package io.mosaic.crm.platform.records.internal.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.platform.records.internal.store.JsonValues;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.Problems;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Binds a JSON object to a record type's {@link Values}, strictly: no coercion between strings,
 * numbers and booleans; unknown fields, read-only fields and values of the wrong JSON type are
 * 422 naming every such field. Only the fields present are in the result (merge patch).
 */
public final class ValuesReader {
    private static final Pattern INTEGER_TEXT = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern NUMBER_TEXT = Pattern.compile("-?[0-9]{1,40}(\\.[0-9]{1,20})?");
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON_TEXT = new com.fasterxml.jackson.databind.ObjectMapper();
    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,10})?");
    private static final List<String> READ_ONLY = List.of("id", "version", "createdAt", "updatedAt");

    private ValuesReader() {}

    static Values read(RecordType type, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("", "not_an_object");
        }
        List<FieldProblem> problems = new ArrayList<>();
        Values values = read(type, body, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return values;
    }

    /**
     * Text cells (field name → text, as in a CSV file) bound like a JSON body whose values have the
     * fields' JSON types: numbers, {@code true}/{@code false}, JSON text for JSON fields; an empty
     * cell is no value. Problems are added, not thrown.
     */
    public static Values cells(RecordType type, Map<String, String> cells, List<FieldProblem> problems) {
        var node = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        cells.forEach((name, text) -> {
            if (text != null && !text.isEmpty()) {
                node.set(name, cell(name.equals("ownerId") ? FieldKind.REFERENCE
                        : type.field(name).map(Field::kind).orElse(FieldKind.TEXT), text));
            }
        });
        return read(type, node, problems);
    }

    private static JsonNode cell(FieldKind kind, String text) {
        var nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        String t = text.strip();
        return switch (kind) {
            case INTEGER, REFERENCE -> INTEGER_TEXT.matcher(t).matches() ? nodes.numberNode(Long.parseLong(t)) : nodes.textNode(text);
            case DECIMAL, MONEY -> NUMBER_TEXT.matcher(t).matches() ? nodes.numberNode(new BigDecimal(t)) : nodes.textNode(text);
            case BOOLEAN -> t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")
                    ? nodes.booleanNode(t.equalsIgnoreCase("true")) : nodes.textNode(text);
            case JSON -> {
                try {
                    yield JSON_TEXT.readTree(t);
                } catch (java.io.IOException e) {
                    yield nodes.textNode(text);
                }
            }
            default -> nodes.textNode(text);
        };
    }

    private static Values read(RecordType type, JsonNode body, List<FieldProblem> problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode node = entry.getValue();
            if (READ_ONLY.contains(name)) {
                problems.add(new FieldProblem(name, Problems.READ_ONLY));
                continue;
            }
            if (name.equals("ownerId")) {
                values.put(name, node.isNull() ? null : id(name, node, problems));
                continue;
            }
            Field field = type.field(name).orElse(null);
            if (field == null) {
                problems.add(new FieldProblem(name, Problems.UNKNOWN_FIELD));
            } else if (!field.isWritable()) {
                problems.add(new FieldProblem(name, Problems.READ_ONLY));
            } else {
                values.put(name, node.isNull() ? null : value(field, node, problems));
            }
        }
        return Values.of(values);
    }

    private static Object value(Field field, JsonNode node, List<FieldProblem> problems) {
        String name = field.name();
        FieldKind kind = field.kind();
        if (kind == FieldKind.JSON) {
            return node.isContainerNode() ? JsonValues.tree(node) : wrong(name, problems);
        }
        if (kind.isText()) {
            return node.isTextual() ? node.textValue() : wrong(name, problems);
        }
        return switch (kind) {
            case INTEGER -> node.isIntegralNumber() && node.canConvertToInt() ? (Object) node.intValue() : wrong(name, problems);
            case REFERENCE -> id(name, node, problems);
            case BOOLEAN -> node.isBoolean() ? (Object) node.booleanValue() : wrong(name, problems);
            case DECIMAL -> node.isNumber() ? decimal(name, node, problems) : wrong(name, problems);
            case MONEY -> node.isNumber() ? decimal(name, node, problems)
                    : node.isTextual() && DECIMAL_TEXT.matcher(node.textValue()).matches() ? new BigDecimal(node.textValue())
                    : wrong(name, problems);
            case DATE -> node.isTextual() ? date(name, node.textValue(), problems) : wrong(name, problems);
            case DATETIME -> node.isTextual() ? instant(name, node.textValue(), problems) : wrong(name, problems);
            default -> wrong(name, problems);
        };
    }

    private static Object id(String name, JsonNode node, List<FieldProblem> problems) {
        return node.isIntegralNumber() && node.canConvertToLong() ? (Object) node.longValue() : wrong(name, problems);
    }

    /**
     * The exact decimal written in the JSON text (a float node's shortest text, never its binary
     * value); a number too large for a double (1e400 reads as infinity) is no decimal.
     */
    private static Object decimal(String name, JsonNode node, List<FieldProblem> problems) {
        if (node.isBigDecimal() || node.isIntegralNumber()) {
            return node.decimalValue();
        }
        return Double.isFinite(node.doubleValue()) ? new BigDecimal(node.asText()) : wrong(name, problems);
    }

    private static Object date(String name, String text, List<FieldProblem> problems) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, Problems.INVALID_DATE));
            return null;
        }
    }

    private static Object instant(String name, String text, List<FieldProblem> problems) {
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(name, Problems.INVALID_DATE));
            return null;
        }
    }

    private static Object wrong(String name, List<FieldProblem> problems) {
        problems.add(new FieldProblem(name, Problems.INVALID_TYPE));
        return null;
    }
}
