package io.mosaic.crm.sdk.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * The type of a filter or sort field: how its text (from a query parameter or a cursor) is parsed
 * exactly, and which Java value is bound to SQL. {@code INSTANT} values are ISO-8601 instants
 * ({@code 2024-05-01T10:00:00Z}) bound as a UTC {@link LocalDateTime}: {@code DATETIME} columns
 * hold UTC.
 */
public enum FieldType {
    STRING,
    LONG,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    INSTANT;

    /** Longest text accepted for a value. */
    public static final int MAX_TEXT_LENGTH = 500;
    private static final Pattern INTEGRAL = Pattern.compile("-?(0|[1-9][0-9]{0,18})");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("-?(0|[1-9][0-9]{0,30})(\\.[0-9]{1,10})?");

    /**
     * Parses {@code text} into the value to bind.
     *
     * @throws IllegalArgumentException if the text is not exactly a value of this type
     */
    public Object parse(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("empty or too long");
        }
        return switch (this) {
            case STRING -> text;
            case LONG -> Long.parseLong(matching(INTEGRAL, text));
            case INTEGER -> Integer.parseInt(matching(INTEGRAL, text));
            case DECIMAL -> new BigDecimal(matching(DECIMAL_TEXT, text));
            case BOOLEAN -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not true or false");
            };
            case INSTANT -> LocalDateTime.ofInstant(instant(text), ZoneOffset.UTC);
        };
    }

    /** The text of a row's value, as {@link #parse(String)} reads it back; {@code null} stays null. */
    public String format(Object value) {
        if (value == null) {
            return null;
        }
        return switch (this) {
            case STRING, LONG, INTEGER, BOOLEAN -> value.toString();
            case DECIMAL -> ((BigDecimal) value).toPlainString();
            case INSTANT -> DateTimeFormatter.ISO_INSTANT.format(value instanceof LocalDateTime local
                    ? local.toInstant(ZoneOffset.UTC) : (Instant) value);
        };
    }

    private static String matching(Pattern pattern, String text) {
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException("not a number");
        }
        return text;
    }

    private static Instant instant(String text) {
        try {
            return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 instant", e);
        }
    }
}
