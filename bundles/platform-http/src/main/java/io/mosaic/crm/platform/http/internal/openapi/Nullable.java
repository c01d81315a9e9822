package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Schemas that also admit {@code null}, the OpenAPI 3.1 way (3.0's {@code nullable} is gone). */
final class Nullable {
    private Nullable() {}

    /**
     * {@code schema} widened by {@code null}: {@code "type": ["string", "null"]} (and {@code null}
     * among the {@code enum} values), or {@code oneOf} with {@code {"type": "null"}} for a {@code $ref}.
     */
    static ObjectNode of(ObjectMapper mapper, ObjectNode schema) {
        if (schema.has("$ref")) {
            ObjectNode either = mapper.createObjectNode();
            either.putArray("oneOf").add(schema).addObject().put("type", "null");
            return either;
        }
        JsonNode type = schema.get("type");
        if (type == null) {
            return schema; // no type: null is allowed already
        }
        ObjectNode widened = schema.deepCopy();
        ArrayNode types = mapper.createArrayNode();
        if (type.isArray()) {
            types.addAll((ArrayNode) type);
        } else {
            types.add(type.asText());
        }
        if (!contains(types, "null")) {
            types.add("null");
        }
        widened.set("type", types);
        if (enumLacksNull(widened)) {
            ((ArrayNode) widened.get("enum")).addNull();
        }
        return widened;
    }

    private static boolean enumLacksNull(ObjectNode schema) {
        if (!(schema.get("enum") instanceof ArrayNode values)) {
            return false;
        }
        for (JsonNode value : values) {
            if (value.isNull()) {
                return false;
            }
        }
        return true;
    }

    private static boolean contains(ArrayNode values, String text) {
        for (JsonNode value : values) {
            if (text.equals(value.asText())) {
                return true;
            }
        }
        return false;
    }
}
