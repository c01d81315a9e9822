package io.mosaic.crm.platform.http.internal.route;

import java.util.List;
import java.util.Map;

/**
 * What a route declared about itself for the OpenAPI document; types and schemas may be null.
 * A named schema ({@link NamedSchema}) describes a body that no Java type does (record-kit records).
 */
public record RouteDoc(String summary, Class<?> requestBody, Class<?> responseBody, Map<String, String> queryParameters,
        NamedSchema requestSchema, NamedSchema responseSchema, Map<String, Map<String, Object>> querySchemas,
        List<Integer> errors, String streamedBody) {

    /** A JSON Schema with the name it has under {@code components/schemas}. */
    public record NamedSchema(String name, Map<String, Object> schema) {}

    public RouteDoc {
        queryParameters = RouteCollector.ordered(queryParameters); // declared order is the document's order
        querySchemas = RouteCollector.ordered(querySchemas);
        errors = List.copyOf(errors);
    }

    public RouteDoc(String summary, Class<?> requestBody, Class<?> responseBody, Map<String, String> queryParameters,
            NamedSchema requestSchema, NamedSchema responseSchema, Map<String, Map<String, Object>> querySchemas,
            List<Integer> errors) {
        this(summary, requestBody, responseBody, queryParameters, requestSchema, responseSchema, querySchemas, errors, null);
    }

    public RouteDoc(String summary, Class<?> requestBody, Class<?> responseBody, Map<String, String> queryParameters) {
        this(summary, requestBody, responseBody, queryParameters, null, null, Map.of(), List.of());
    }

    /** Whether the body is not JSON but streamed to the handler ({@code Route#streamedBody}). */
    public boolean streamed() {
        return streamedBody != null;
    }
}
