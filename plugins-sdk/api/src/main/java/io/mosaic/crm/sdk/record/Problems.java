package io.mosaic.crm.sdk.record;

/** The standard {@code problem} codes of 422 details, shared by every record type. */
public final class Problems {
    public static final String REQUIRED = "required";
    public static final String TOO_LONG = "too_long";
    public static final String CONTROL_CHARACTERS = "control_characters";
    public static final String INVALID_TYPE = "wrong_type";
    public static final String INVALID_EMAIL = "invalid_email";
    public static final String INVALID_URL = "invalid_url";
    public static final String INVALID_COUNTRY = "invalid_country";
    public static final String INVALID_CURRENCY = "invalid_currency";
    public static final String INVALID_DATE = "invalid_date";
    public static final String NOT_ALLOWED_VALUE = "not_allowed_value";
    public static final String UNKNOWN_REFERENCE = "unknown_reference";
    public static final String UNKNOWN_FIELD = "unknown_field";
    public static final String READ_ONLY = "read_only";
    public static final String NEGATIVE = "negative";
    public static final String TOO_SMALL = "too_small";
    public static final String TOO_LARGE = "too_large";
    public static final String TOO_MANY_DECIMALS = "too_many_decimals";
    public static final String INVALID_ID = "invalid_id";
    public static final String CURRENCY_REQUIRED = "currency_required";

    private Problems() {}
}
