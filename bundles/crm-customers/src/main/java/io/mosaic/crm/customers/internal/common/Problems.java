package io.mosaic.crm.customers.internal.common;

import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects every problem of a request body, so that one 422 names all bad fields. Each check
 * returns the normalized value to store: text is stripped, and blank optional text becomes null.
 */
public final class Problems {
    private static final String HOST = "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";
    private static final Pattern HOST_NAME = Pattern.compile(HOST, Pattern.CASE_INSENSITIVE);
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@" + HOST, Pattern.CASE_INSENSITIVE);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private final List<FieldProblem> problems = new ArrayList<>();

    public void add(String field, String problem) {
        problems.add(new FieldProblem(field, problem));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** 422 {@code validation_failed} listing every problem, if there is any. */
    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
    }

    public String text(String field, String value, int maxLength, boolean required) {
        String text = value == null ? null : value.strip();
        if (text == null || text.isEmpty()) {
            if (required) {
                add(field, "required");
            }
            return null;
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            add(field, "too_long");
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            add(field, "control_characters");
        }
        return text;
    }

    public String email(String field, String value) {
        String email = text(field, value, 254, false);
        if (email != null && email.length() <= 254 && (!EMAIL.matcher(email).matches() || email.contains(".."))) {
            add(field, "invalid_email");
        }
        return email;
    }

    /** A web address: {@code example.com}, {@code www.example.com/x} or with http(s) scheme. */
    public String website(String field, String value) {
        String url = text(field, value, 255, false);
        if (url != null && url.length() <= 255 && !isWebsite(url)) {
            add(field, "invalid_url");
        }
        return url;
    }

    /** ISO 3166-1 alpha-2, stored upper-case. */
    public String country(String field, String value) {
        String code = text(field, value, 2, false);
        if (code == null) {
            return null;
        }
        String upper = code.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(upper)) {
            add(field, "invalid_country");
        }
        return upper;
    }

    /** An amount that fits DECIMAL(19,2) and is not negative. */
    public BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            add(field, "negative");
        } else if (value.stripTrailingZeros().scale() > 2) {
            add(field, "too_many_decimals");
        } else if (value.setScale(2, java.math.RoundingMode.UNNECESSARY).precision() > 19) {
            add(field, "too_large");
        } else {
            return value.setScale(2, java.math.RoundingMode.UNNECESSARY);
        }
        return value;
    }

    public Integer count(String field, Integer value) {
        if (value != null && value < 0) {
            add(field, "negative");
        }
        return value;
    }

    public Long id(String field, Long value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, "required");
            }
        } else if (value <= 0) {
            add(field, "invalid_id");
        }
        return value;
    }

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
