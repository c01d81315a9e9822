package io.mosaic.crm.platform.tuning.internal.catalogue;

import org.osgi.service.metatype.AttributeDefinition;

/** Names Metatype attribute types for the catalogue; values are checked by {@link io.mosaic.crm.platform.tuning.api.AttributeValues}. */
public final class Validation {
    private Validation() {
    }

    /** The JSON-ish type name of an attribute. */
    public static String typeName(AttributeDefinition ad) {
        return switch (ad.getType()) {
            case AttributeDefinition.INTEGER, AttributeDefinition.SHORT, AttributeDefinition.BYTE -> "integer";
            case AttributeDefinition.LONG -> "long";
            case AttributeDefinition.DOUBLE, AttributeDefinition.FLOAT -> "double";
            case AttributeDefinition.BOOLEAN -> "boolean";
            case AttributeDefinition.PASSWORD -> "password";
            default -> "string";
        };
    }
}
