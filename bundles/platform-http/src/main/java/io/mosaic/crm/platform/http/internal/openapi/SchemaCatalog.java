package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * JSON schemas of request and response types, derived from what Jackson would (de)serialize.
 * Named types go to {@code components/schemas} under their simple class name.
 */
final class SchemaCatalog {
    private final ObjectMapper mapper;
    private final Map<Class<?>, String> names = new LinkedHashMap<>();
    private final ObjectNode schemas;

    SchemaCatalog(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schemas = mapper.createObjectNode();
    }

    /** A schema for {@code type}: inline for scalars and containers, a {@code $ref} for named types. */
    ObjectNode ref(Class<?> type) {
        return schemaOf(mapper.constructType(type));
    }

    /** Every named schema referenced so far. */
    ObjectNode schemas() {
        return schemas.deepCopy();
    }

    private ObjectNode schemaOf(JavaType type) {
        ObjectNode scalar = scalar(type.getRawClass());
        if (scalar != null) {
            return scalar;
        }
        if (type.isEnumType()) {
            ObjectNode node = mapper.createObjectNode().put("type", "string");
            for (Object constant : type.getRawClass().getEnumConstants()) {
                node.withArray("enum").add(((Enum<?>) constant).name());
            }
            return node;
        }
        if (type.isArrayType() || type.isCollectionLikeType()) {
            ObjectNode node = mapper.createObjectNode().put("type", "array");
            node.set("items", schemaOf(type.getContentType()));
            return node;
        }
        if (type.isMapLikeType()) {
            ObjectNode node = mapper.createObjectNode().put("type", "object");
            node.set("additionalProperties", schemaOf(type.getContentType()));
            return node;
        }
        if (type.isReferenceType() || type.hasRawClass(Optional.class)) {
            return schemaOf(type.getReferencedType() == null ? type.containedTypeOrUnknown(0) : type.getReferencedType());
        }
        if (type.hasRawClass(Object.class) || JsonNode.class.isAssignableFrom(type.getRawClass())) {
            return mapper.createObjectNode();
        }
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + named(type));
    }

    private String named(JavaType type) {
        Class<?> raw = type.getRawClass();
        String known = names.get(raw);
        if (known != null) {
            return known;
        }
        String name = raw.getSimpleName();
        for (int i = 2; names.containsValue(name); i++) {
            name = raw.getSimpleName() + i;
        }
        names.put(raw, name);
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        schemas.set(name, schema); // set before descending, so that recursive types terminate
        ObjectNode properties = schema.putObject("properties");
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        for (BeanPropertyDefinition property : bean.findProperties()) {
            properties.set(property.getName(), schemaOf(property.getPrimaryType()));
        }
        return name;
    }

    private ObjectNode scalar(Class<?> raw) {
        ObjectNode node = mapper.createObjectNode();
        if (raw == String.class || raw == char.class || raw == Character.class || CharSequence.class.isAssignableFrom(raw)) {
            return node.put("type", "string");
        } else if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class
                || raw == byte.class || raw == Byte.class) {
            return node.put("type", "integer").put("format", "int32");
        } else if (raw == long.class || raw == Long.class) {
            return node.put("type", "integer").put("format", "int64");
        } else if (raw == BigInteger.class) {
            return node.put("type", "integer");
        } else if (raw == double.class || raw == Double.class || raw == float.class || raw == Float.class
                || raw == BigDecimal.class) {
            return node.put("type", "number");
        } else if (raw == boolean.class || raw == Boolean.class) {
            return node.put("type", "boolean");
        } else if (raw == LocalDate.class) {
            return node.put("type", "string").put("format", "date");
        } else if (raw == Instant.class || raw == OffsetDateTime.class || raw == ZonedDateTime.class
                || raw == LocalDateTime.class) {
            return node.put("type", "string").put("format", "date-time");
        } else if (raw == UUID.class) {
            return node.put("type", "string").put("format", "uuid");
        }
        return null;
    }
}
