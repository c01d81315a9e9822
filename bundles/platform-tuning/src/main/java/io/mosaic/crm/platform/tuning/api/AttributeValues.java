package io.mosaic.crm.platform.tuning.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import org.osgi.service.metatype.AttributeDefinition;

/**
 * Checks a JSON value against a Metatype attribute: its type, its options, then the attribute's own
 * rules. The one check every configuration write goes through, whether it comes from
 * {@code PATCH /api/platform/config/{pid}} or from the tuning API.
 */
public final class AttributeValues {
    private AttributeValues() {
    }

    /** @return null when valid, else what is wrong, e.g. {@code expected_integer} */
    public static String check(AttributeDefinition ad, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "value_required";
        }
        String typeProblem = switch (ad.getType()) {
            case AttributeDefinition.INTEGER, AttributeDefinition.LONG, AttributeDefinition.SHORT, AttributeDefinition.BYTE ->
                    value.isIntegralNumber() ? null : "expected_integer";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> value.isNumber() ? null : "expected_number";
            case AttributeDefinition.BOOLEAN -> value.isBoolean() ? null : "expected_boolean";
            default -> value.isTextual() ? null : "expected_string";
        };
        if (typeProblem != null) {
            return typeProblem;
        }
        if (ad.getType() == AttributeDefinition.INTEGER && !value.canConvertToInt()
                || ad.getType() == AttributeDefinition.LONG && !value.canConvertToLong()) {
            return "out_of_range";
        }
        String text = value.asText();
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0 && !Arrays.asList(options).contains(text)) {
            return "not_one_of " + String.join(",", options);
        }
        String verdict = ad.validate(text);
        return verdict == null || verdict.isEmpty() ? null : verdict;
    }
}
