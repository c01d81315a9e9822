package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.sdk.query.ListSpec;
import java.util.Map;

/**
 * Schemas of query parameters that a route named without one, from the list contract every list
 * follows (DESIGN.md §4): {@code limit} is a whole number from 1 to {@value ListSpec#MAX_LIMIT},
 * {@code after}, {@code sort}, {@code fields} and {@code q} are text, an id filter ({@code ownerId})
 * is a 64-bit integer and a bound on a time ({@code createdAfter}) an ISO-8601 instant.
 * A schema the route gave wins.
 */
final class QueryParameters {
    private static final Map<String, String> CONTRACT = Map.of(
            "limit", "page size (default " + ListSpec.DEFAULT_LIMIT + ", at most " + ListSpec.MAX_LIMIT + ")",
            "after", "the opaque cursor from the previous page's `next`",
            "sort", "comma-separated fields to sort by; a leading `-` sorts descending",
            "fields", "comma-separated fields to return",
            "q", "prefix search");

    private final ObjectMapper mapper;

    QueryParameters(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The query parameter object for {@code name}, with the declared schema or the contract's. */
    ObjectNode parameter(String name, String description, Map<String, Object> declared) {
        ObjectNode parameter = mapper.createObjectNode().put("name", name).put("in", "query");
        String text = description == null || description.isBlank() ? CONTRACT.getOrDefault(name, "") : description;
        if (!text.isEmpty()) {
            parameter.put("description", text);
        }
        parameter.set("schema", declared != null ? mapper.valueToTree(declared) : conventional(name));
        return parameter;
    }

    private ObjectNode conventional(String name) {
        ObjectNode schema = mapper.createObjectNode();
        if (name.equals("limit")) {
            return schema.put("type", "integer").put("format", "int32")
                    .put("minimum", 1).put("maximum", ListSpec.MAX_LIMIT).put("default", ListSpec.DEFAULT_LIMIT);
        }
        if (name.equals("id") || name.endsWith("Id") && name.length() > 2) {
            return schema.put("type", "integer").put("format", "int64").put("minimum", 1);
        }
        if (name.matches("[a-z]+(After|Before)")) {
            return schema.put("type", "string").put("format", "date-time");
        }
        return schema.put("type", "string");
    }
}
