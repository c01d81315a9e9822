package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * JSON schemas of request and response types, derived from what Jackson would (de)serialize, and
 * the named schemas routes give directly. Named types go to {@code components/schemas} under their
 * simple class name. A property of a reference type may be null ({@code "type": ["string", "null"]});
 * a type that only responses use lists every property it always writes as {@code required}, a type
 * that requests use only those marked {@code @JsonProperty(required = true)}.
 */
final class SchemaCatalog {
    /** Which way a body travels. */
    enum Use { REQUEST, RESPONSE }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]+");

    /** What a class's schema needs to decide its {@code required} list once every use is known. */
    private record Described(List<String> written, List<String> demanded, Set<String> nested) {}

    private final ObjectMapper mapper;
    private final Map<Class<?>, String> names = new HashMap<>();
    private final Map<String, ObjectNode> schemas = new TreeMap<>();
    private final Map<String, Described> described = new HashMap<>();
    private final Map<String, Set<Use>> roots = new HashMap<>();

    SchemaCatalog(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A schema for {@code type}: inline for scalars and containers, a {@code $ref} for named types. */
    ObjectNode ref(Class<?> type, Use use) {
        ObjectNode schema = schemaOf(mapper.constructType(type));
        String ref = schema.path("$ref").asText("");
        if (!ref.isEmpty()) {
            roots.computeIfAbsent(ref.substring(ref.lastIndexOf('/') + 1), n -> EnumSet.noneOf(Use.class)).add(use);
        }
        return schema;
    }

    /**
     * A {@code $ref} to a schema a route gave by name. Equal schemas under one name are one entry; a
     * different schema under a name in use gets the next free {@code name2}, {@code name3}...
     */
    ObjectNode named(String name, Map<String, Object> schema) {
        ObjectNode given = mapper.valueToTree(schema);
        String base = NAME.matcher(name).matches() ? name : name.replaceAll("[^A-Za-z0-9._-]", "_");
        String free = base;
        for (int i = 2; schemas.containsKey(free) && !schemas.get(free).equals(given); i++) {
            free = base + i;
        }
        schemas.put(free, given);
        return ref(free);
    }

    /** Every schema referenced so far, by name, with the {@code required} lists of class schemas. */
    ObjectNode schemas() {
        Set<String> requested = reachable(Use.REQUEST);
        ObjectNode all = mapper.createObjectNode();
        schemas.forEach((name, schema) -> {
            ObjectNode copy = schema.deepCopy();
            Described facts = described.get(name);
            if (facts != null) {
                List<String> required = requested.contains(name) ? facts.demanded() : facts.written();
                if (!required.isEmpty()) {
                    required.forEach(copy.putArray("required")::add);
                }
            }
            all.set(name, copy);
        });
        return all;
    }

    private Set<String> reachable(Use use) {
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>();
        roots.forEach((name, uses) -> {
            if (uses.contains(use)) {
                next.add(name);
            }
        });
        while (!next.isEmpty()) {
            String name = next.pop();
            Described facts = described.get(name);
            if (seen.add(name) && facts != null) {
                next.addAll(facts.nested());
            }
        }
        return seen;
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
        return ref(named(type));
    }

    private ObjectNode ref(String name) {
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + name);
    }

    private String named(JavaType type) {
        Class<?> raw = type.getRawClass();
        String known = names.get(raw);
        if (known != null) {
            return known;
        }
        String name = raw.getSimpleName();
        for (int i = 2; schemas.containsKey(name); i++) {
            name = raw.getSimpleName() + i;
        }
        names.put(raw, name);
        ObjectNode schema = mapper.createObjectNode().put("type", "object");
        schemas.put(name, schema); // put before descending, so that recursive types terminate
        ObjectNode properties = schema.putObject("properties");
        BeanDescription bean = mapper.getSerializationConfig().introspect(type);
        JsonInclude.Include byDefault = bean.findPropertyInclusion(
                mapper.getSerializationConfig().getDefaultPropertyInclusion(raw)).getValueInclusion();
        List<String> written = new ArrayList<>();
        List<String> demanded = new ArrayList<>();
        Set<String> nested = new HashSet<>();
        for (BeanPropertyDefinition property : bean.findProperties()) {
            ObjectNode propertySchema = schemaOf(property.getPrimaryType());
            String ref = propertySchema.path("$ref").asText("");
            if (!ref.isEmpty()) {
                nested.add(ref.substring(ref.lastIndexOf('/') + 1));
            }
            JsonNode items = propertySchema.path("items").path("$ref");
            if (items.isTextual()) {
                nested.add(items.asText().substring(items.asText().lastIndexOf('/') + 1));
            }
            boolean primitive = property.getRawPrimaryType().isPrimitive();
            properties.set(property.getName(), primitive ? propertySchema : Nullable.of(mapper, propertySchema));
            if (property.couldSerialize() && (primitive || alwaysWritten(property, byDefault))) {
                written.add(property.getName());
            }
            if (property.isRequired()) {
                demanded.add(property.getName());
            }
        }
        described.put(name, new Described(List.copyOf(written), List.copyOf(demanded), Set.copyOf(nested)));
        return name;
    }

    private static boolean alwaysWritten(BeanPropertyDefinition property, JsonInclude.Include byDefault) {
        JsonInclude.Include inclusion = property.findInclusion().getValueInclusion();
        if (inclusion == JsonInclude.Include.USE_DEFAULTS) {
            inclusion = byDefault;
        }
        return inclusion == JsonInclude.Include.ALWAYS || inclusion == JsonInclude.Include.USE_DEFAULTS;
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
