package io.mosaic.crm.platform.admin.internal;

import com.fasterxml.jackson.databind.JsonNode;
import org.osgi.service.metatype.AttributeDefinition;

/** Checks a JSON value against a Metatype attribute: its type first, then its own rules. */
final class AttributeValidation {
    private AttributeValidation() {}

    /** @return null when valid, else what is wrong */
    static String check(AttributeDefinition ad, JsonNode value) {
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
        String text = value.asText();
        String[] options = ad.getOptionValues();
        if (options != null && options.length > 0 && !java.util.Arrays.asList(options).contains(text)) {
            return "not_one_of " + String.join(",", options);
        }
        String verdict = ad.validate(text);
        return verdict == null || verdict.isEmpty() ? null : verdict;
    }
}
