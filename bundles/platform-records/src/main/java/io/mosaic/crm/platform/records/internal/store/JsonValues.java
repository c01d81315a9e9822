package io.mosaic.crm.platform.records.internal.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The values of {@code JSON} fields: JDK trees (maps, lists, strings, numbers, booleans) made
 * immutable, their text as stored, and back. Numbers with a fraction are {@code BigDecimal}.
 */
public final class JsonValues {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private JsonValues() {}

    /** The JDK tree of a JSON node. */
    public static Object tree(JsonNode node) {
        return frozen(JSON.convertValue(node, Object.class));
    }

    public static String text(Object tree) {
        try {
            return JSON.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object parse(String text) {
        try {
            return text == null ? null : frozen(JSON.readValue(text, Object.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            ((Map<String, Object>) map).forEach((k, v) -> copy.put(k, frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            return Collections.unmodifiableList(list.stream().map(JsonValues::frozen).toList());
        }
        return value;
    }
}
