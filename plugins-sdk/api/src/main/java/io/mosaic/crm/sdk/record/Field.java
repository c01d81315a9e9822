package io.mosaic.crm.sdk.record;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * One field of a {@link RecordType}: its JSON name, column, kind and constraints, and what lists
 * may do with it. Configure it fluently; it is frozen when its record type is built.
 *
 * <pre>{@code
 * Field.text("name").required().maxLength(200).filter().sort().search()
 * Field.reference("accountId", "customers.accounts").filter()
 * Field.money("amount", "currency").required().sort()
 * }</pre>
 *
 * <p>The column defaults to the name in snake case ({@code postalCode} → {@code postal_code}).
 */
public final class Field {
    private static final Pattern NAME = Pattern.compile("[a-z][a-zA-Z0-9]{0,62}");
    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]{0,63}");

    /** How a field may be filtered: by equality, or by a range ({@code createdAfter}/{@code createdBefore}). */
    public enum Filter { NONE, EQUAL, RANGE, EQUAL_AND_RANGE }

    private final String name;
    private final FieldKind kind;
    private String column;
    private boolean required;
    private int maxLength;
    private int scale = 2;
    private BigDecimal min;
    private BigDecimal max;
    private List<String> values = List.of();
    private String target;
    private String currencyField;
    private Object defaultValue;
    private boolean writable = true;
    private Filter filter = Filter.NONE;
    private boolean sortable;
    private boolean searchable;
    private boolean sensitive;
    private String description = "";
    private Map<String, Object> jsonSchema = Map.of();
    private UnaryOperator<String> normalizer = UnaryOperator.identity();
    private boolean frozen;

    private Field(String name, FieldKind kind) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("field names are lowerCamelCase words: " + name);
        }
        this.name = name;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.column = snake(name);
        this.maxLength = switch (kind) {
            case EMAIL -> 254;
            case PHONE -> 50;
            case COUNTRY -> 2;
            case CURRENCY -> 3;
            case URL, TEXT, ENUM -> 255;
            case JSON -> 65_535;
            default -> 0;
        };
    }

    public static Field of(String name, FieldKind kind) {
        return new Field(name, kind);
    }

    public static Field text(String name) { return of(name, FieldKind.TEXT); }

    public static Field email(String name) { return of(name, FieldKind.EMAIL); }

    public static Field url(String name) { return of(name, FieldKind.URL); }

    public static Field phone(String name) { return of(name, FieldKind.PHONE); }

    public static Field country(String name) { return of(name, FieldKind.COUNTRY); }

    public static Field integer(String name) { return of(name, FieldKind.INTEGER); }

    public static Field decimal(String name, int scale) { return of(name, FieldKind.DECIMAL).scale(scale); }

    public static Field bool(String name) { return of(name, FieldKind.BOOLEAN); }

    public static Field date(String name) { return of(name, FieldKind.DATE); }

    public static Field dateTime(String name) { return of(name, FieldKind.DATETIME); }

    /** One of {@code values}; {@link #values()} keeps their order. */
    public static Field enumeration(String name, String... values) {
        Field field = of(name, FieldKind.ENUM);
        field.values = List.of(values);
        return field;
    }

    /**
     * The id of a record of {@code target}, named by its resource ({@code customers.accounts}); on
     * write the record must exist and be live, else 422 {@code unknown_reference}. When the module
     * of the target is not running, the write answers 503 {@code module_unavailable}.
     */
    public static Field reference(String name, String target) {
        Field field = of(name, FieldKind.REFERENCE);
        field.target = Objects.requireNonNull(target, "target");
        return field;
    }

    /**
     * An amount of money (4 decimals at most, {@code DECIMAL(19,4)}) whose currency is the
     * {@link FieldKind#CURRENCY} field {@code currencyField} of the same type; a record with an
     * amount must have a currency.
     */
    public static Field money(String name, String currencyField) {
        Field field = of(name, FieldKind.MONEY).scale(4);
        field.currencyField = Objects.requireNonNull(currencyField, "currencyField");
        return field;
    }

    /**
     * A structured JSON value ({@link FieldKind#JSON}) whose shape {@code schema} describes (a JSON
     * Schema as maps and lists, shown in OpenAPI and the metadata); the hooks check the shape.
     *
     * @since 1.1
     */
    public static Field json(String name, Map<String, Object> schema) {
        Field field = of(name, FieldKind.JSON);
        field.jsonSchema = Map.copyOf(Objects.requireNonNull(schema, "schema"));
        return field;
    }

    public static Field currency(String name) { return of(name, FieldKind.CURRENCY); }

    public Field column(String column) {
        check();
        if (column == null || !COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        this.column = column;
        return this;
    }

    /** Create must give a value (or the field has a {@link #defaultValue}); null is refused. */
    public Field required() { check(); required = true; return this; }

    /** Longest text, in code points ({@code too_long}). */
    public Field maxLength(int length) {
        check();
        if (length < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        maxLength = length;
        return this;
    }

    /** Decimal places of a decimal or money value ({@code too_many_decimals}). */
    public Field scale(int places) { check(); scale = places; return this; }

    /** Smallest and largest value of a number ({@code too_small}, {@code too_large}); either may be null. */
    public Field range(Number min, Number max) {
        check();
        this.min = min == null ? null : new BigDecimal(min.toString());
        this.max = max == null ? null : new BigDecimal(max.toString());
        return this;
    }

    /** The value a create stores when the body leaves the field out. */
    public Field defaultValue(Object value) { check(); defaultValue = value; return this; }

    /** Shown but never written through the API ({@code read_only}): set by hooks or by the platform. */
    public Field readOnly() { check(); writable = false; return this; }

    /** {@code ?name=value} filters lists by equality. */
    public Field filter() { return filter(Filter.EQUAL); }

    public Field filter(Filter how) { check(); filter = Objects.requireNonNull(how); return this; }

    /** {@code ?sort=name} / {@code -name} orders lists by it; needs an index on {@code (column, id)}. */
    public Field sort() { check(); sortable = true; return this; }

    /** {@code ?q=} matches a prefix of it; needs an index on the column. */
    public Field search() { check(); searchable = true; return this; }

    /** Marks a field that field rules commonly hide (revenue, salaries); listed in the metadata. */
    public Field sensitive() { check(); sensitive = true; return this; }

    public Field describedAs(String text) { check(); description = Objects.requireNonNull(text); return this; }

    /** Applied to text after stripping and before checks, e.g. {@code String::toLowerCase}. */
    public Field normalize(UnaryOperator<String> normalizer) { check(); this.normalizer = Objects.requireNonNull(normalizer); return this; }

    public String name() { return name; }

    public FieldKind kind() { return kind; }

    public String columnName() { return column; }

    public boolean isRequired() { return required; }

    public int maxLength() { return maxLength; }

    public int scale() { return scale; }

    public BigDecimal min() { return min; }

    public BigDecimal max() { return max; }

    /** The allowed values of an enum field. */
    public List<String> values() { return values; }

    /** The resource a reference points to, or null. */
    public String target() { return target; }

    /** The currency field of a money field, or null. */
    public String currencyField() { return currencyField; }

    public Object defaultValue() { return defaultValue; }

    public boolean isWritable() { return writable; }

    public Filter filtering() { return filter; }

    public boolean isSortable() { return sortable; }

    public boolean isSearchable() { return searchable; }

    public boolean isSensitive() { return sensitive; }

    public String description() { return description; }

    /** The JSON Schema of a {@link FieldKind#JSON} field's values; empty for the other kinds. @since 1.1 */
    public Map<String, Object> jsonSchema() { return jsonSchema; }

    public UnaryOperator<String> normalizer() { return normalizer; }

    /** The names of the range filters of a field: {@code createdAt} → {@code createdAfter, createdBefore}. */
    public List<String> rangeFilterNames() {
        String base = name.endsWith("At") && name.length() > 2 ? name.substring(0, name.length() - 2) : name;
        return name.endsWith("At") ? List.of(base + "After", base + "Before") : List.of(base + "From", base + "To");
    }

    Field freeze(Set<String> fieldNames) {
        if (currencyField != null && !fieldNames.contains(currencyField)) {
            throw new IllegalArgumentException("money field " + name + " names no currency field " + currencyField);
        }
        if (kind == FieldKind.ENUM && values.isEmpty()) {
            throw new IllegalArgumentException("enum field " + name + " has no values");
        }
        frozen = true;
        return this;
    }

    private void check() {
        if (frozen) {
            throw new IllegalStateException("field " + name + " belongs to a built record type and cannot change");
        }
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return name + ":" + kind;
    }
}
