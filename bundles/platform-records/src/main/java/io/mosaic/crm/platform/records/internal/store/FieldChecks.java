package io.mosaic.crm.platform.records.internal.store;

import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.FieldKind;
import io.mosaic.crm.sdk.record.Problems;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The declared checks of a record type's fields, applied to the full values a write would store:
 * text is stripped (blank optional text becomes null) and normalized, every problem is collected.
 */
final class FieldChecks {
    private static final String HOST = "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";
    private static final Pattern HOST_NAME = Pattern.compile(HOST, Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@" + HOST, Pattern.CASE_INSENSITIVE);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> CURRENCIES =
            Currency.getAvailableCurrencies().stream().map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());
    /** Digits a DECIMAL(19, s) column holds. */
    private static final int PRECISION = 19;

    private FieldChecks() {}

    /** The values normalized for storing; problems are added to {@code problems}. */
    static Values check(RecordType type, Values values, List<FieldProblem> problems) {
        Map<String, Object> out = new LinkedHashMap<>(values.asMap());
        for (Field field : type.fields()) {
            Object value = check(field, values.get(field.name()), problems);
            out.put(field.name(), value);
            if (value == null && field.isRequired()) {
                problems.add(new FieldProblem(field.name(), Problems.REQUIRED));
            }
        }
        for (Field field : type.fields()) {
            if (field.currencyField() != null && out.get(field.name()) != null && out.get(field.currencyField()) == null
                    && problems.stream().noneMatch(p -> p.field().equals(field.currencyField()))) {
                problems.add(new FieldProblem(field.currencyField(), Problems.CURRENCY_REQUIRED));
            }
        }
        Object owner = out.get("ownerId");
        if (owner instanceof Long id && id <= 0) {
            problems.add(new FieldProblem("ownerId", Problems.INVALID_ID));
        }
        return Values.of(out);
    }

    private static Object check(Field field, Object value, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        String name = field.name();
        if (field.kind().isText()) {
            return text(field, (String) value, problems);
        }
        return switch (field.kind()) {
            case INTEGER -> {
                range(field, BigDecimal.valueOf((Integer) value), problems);
                yield value;
            }
            case DECIMAL, MONEY -> decimal(field, (BigDecimal) value, problems);
            case JSON -> {
                if (JsonValues.text(value).length() > field.maxLength()) {
                    problems.add(new FieldProblem(name, Problems.TOO_LONG));
                }
                yield value;
            }
            case REFERENCE -> {
                if ((Long) value <= 0) {
                    problems.add(new FieldProblem(name, Problems.INVALID_ID));
                }
                yield value;
            }
            default -> value;
        };
    }

    private static String text(Field field, String value, List<FieldProblem> problems) {
        String text = value.strip();
        if (text.isEmpty()) {
            return null;
        }
        text = field.normalizer().apply(text);
        String name = field.name();
        if (text.codePointCount(0, text.length()) > field.maxLength()) {
            problems.add(new FieldProblem(name, Problems.TOO_LONG));
            return text;
        }
        if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            problems.add(new FieldProblem(name, Problems.CONTROL_CHARACTERS));
            return text;
        }
        switch (field.kind()) {
            case EMAIL -> {
                if (!EMAIL.matcher(text).matches() || text.contains("..")) {
                    problems.add(new FieldProblem(name, Problems.INVALID_EMAIL));
                }
            }
            case URL -> {
                if (!isWebsite(text)) {
                    problems.add(new FieldProblem(name, Problems.INVALID_URL));
                }
            }
            case COUNTRY -> {
                text = text.toUpperCase(Locale.ROOT);
                if (!COUNTRIES.contains(text)) {
                    problems.add(new FieldProblem(name, Problems.INVALID_COUNTRY));
                }
            }
            case CURRENCY -> {
                text = text.toUpperCase(Locale.ROOT);
                if (!CURRENCIES.contains(text)) {
                    problems.add(new FieldProblem(name, Problems.INVALID_CURRENCY));
                }
            }
            case ENUM -> {
                if (!field.values().contains(text)) {
                    problems.add(new FieldProblem(name, Problems.NOT_ALLOWED_VALUE));
                }
            }
            default -> { }
        }
        return text;
    }

    private static BigDecimal decimal(Field field, BigDecimal value, List<FieldProblem> problems) {
        String name = field.name();
        if (!range(field, value, problems)) {
            return value;
        }
        if (value.stripTrailingZeros().scale() > field.scale()) {
            problems.add(new FieldProblem(name, Problems.TOO_MANY_DECIMALS));
            return value;
        }
        BigDecimal scaled = value.setScale(field.scale(), RoundingMode.UNNECESSARY);
        if (scaled.precision() > PRECISION) {
            problems.add(new FieldProblem(name, Problems.TOO_LARGE));
            return value;
        }
        return field.kind() == FieldKind.MONEY ? Money.shown(scaled) : scaled;
    }

    /** False (and a problem added) when the number is outside the declared range. */
    private static boolean range(Field field, BigDecimal value, List<FieldProblem> problems) {
        if (field.min() != null && value.compareTo(field.min()) < 0) {
            problems.add(new FieldProblem(field.name(), field.min().signum() == 0 ? Problems.NEGATIVE : Problems.TOO_SMALL));
            return false;
        }
        if (field.max() != null && value.compareTo(field.max()) > 0) {
            problems.add(new FieldProblem(field.name(), Problems.TOO_LARGE));
            return false;
        }
        return true;
    }

    /** A web address: {@code example.com}, {@code www.example.com/x} or with http(s) scheme. */
    static boolean isWebsite(String url) {
        if (url.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            return false;
        }
        try {
            URI uri = new URI(url.contains("://") ? url : "http://" + url);
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getRawUserInfo() == null
                    && uri.getHost() != null && HOST_NAME.matcher(uri.getHost()).matches();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
