package io.mosaic.crm.sdk.record;

/**
 * What a {@link Field} holds, which fixes its JSON form, its SQL binding and its checks.
 * Text kinds are JSON strings; numbers are JSON numbers except {@link #MONEY}, a decimal string.
 */
public enum FieldKind {
    /** Free text, stripped; blank becomes null. */
    TEXT("string", null),
    /** An e-mail address ({@code invalid_email}). */
    EMAIL("string", "email"),
    /** A web address, with or without http(s) scheme ({@code invalid_url}). */
    URL("string", "uri"),
    /** A phone number as written. */
    PHONE("string", null),
    /** An ISO 3166-1 alpha-2 country code, stored upper-case ({@code invalid_country}). */
    COUNTRY("string", null),
    /** An ISO 4217 currency code, stored upper-case ({@code invalid_currency}). */
    CURRENCY("string", null),
    /** A whole number ({@code INT}). */
    INTEGER("integer", "int32"),
    /** A decimal number with a fixed scale ({@code DECIMAL}), as a JSON number. */
    DECIMAL("number", null),
    /** An amount of money: a decimal string such as {@code "12500.00"}, never a float. */
    MONEY("string", "decimal"),
    BOOLEAN("boolean", null),
    /** A calendar date, {@code 2026-12-15}. */
    DATE("string", "date"),
    /** An instant in UTC, {@code 2026-12-15T10:00:00Z}, stored as {@code DATETIME(6)}. */
    DATETIME("string", "date-time"),
    /** One of a declared list of values ({@code not_allowed_value}). */
    ENUM("string", null),
    /** The id of another record, which must exist ({@code unknown_reference}). */
    REFERENCE("integer", "int64"),
    /**
     * A structured JSON value (object or array) kept as a whole, such as a calendar's working
     * hours: in Java a tree of {@code Map<String, Object>}, {@code List<Object>}, {@code String},
     * {@code BigDecimal}/{@code Long}, {@code Boolean} and null; stored as JSON text of at most
     * {@link Field#maxLength} characters (default 65,535). Its structure is checked by the
     * type's hooks; {@link Field#jsonSchema} describes it in OpenAPI. Since 1.1.
     */
    JSON(null, null);

    private final String jsonType;
    private final String format;

    FieldKind(String jsonType, String format) {
        this.jsonType = jsonType;
        this.format = format;
    }

    /** The JSON Schema type of values of this kind; null for {@link #JSON} (any structure). */
    public String jsonType() {
        return jsonType;
    }

    /** The JSON Schema format, or {@code null}. */
    public String format() {
        return format;
    }

    /** Whether values are text (and so have a maximum length). */
    public boolean isText() {
        return "string".equals(jsonType) && this != MONEY && this != DATE && this != DATETIME;
    }
}
