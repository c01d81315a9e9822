package io.mosaic.crm.sdk.http;

import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** A declared route; the optional calls describe it for the OpenAPI document. */
@ProviderType
public interface Route {

    /** One line saying what the route does. */
    Route summary(String summary);

    /** The Java type of the JSON request body, if the route takes one. */
    Route requestBody(Class<?> type);

    /** The Java type of the JSON response body on success. */
    Route responseBody(Class<?> type);

    /**
     * The JSON request body as a named JSON Schema (an OpenAPI 3.1 schema object), for bodies that
     * no Java type describes, such as a record declared with the record kit. The name becomes the
     * key under {@code components/schemas}; routes that give the same name must give equal schemas.
     */
    default Route requestSchema(String name, Map<String, Object> schema) {
        return this;
    }

    /** The JSON response body on success as a named JSON Schema, see {@link #requestSchema}. */
    default Route responseSchema(String name, Map<String, Object> schema) {
        return this;
    }

    /** Names a query parameter the route understands. */
    Route queryParameter(String name, String description);

    /**
     * Names a typed query parameter: {@code schema} is a JSON Schema such as
     * {@code {"type":"integer","format":"int64"}} or {@code {"type":"string","enum":[…]}}.
     */
    default Route queryParameter(String name, String description, Map<String, Object> schema) {
        return queryParameter(name, description);
    }

    /**
     * The error statuses this route can answer beyond those the platform adds for every route
     * (400, 401, 403, 429, 503), e.g. {@code 404, 409, 412, 422, 428}, for the OpenAPI document.
     */
    default Route errors(int... statuses) {
        return this;
    }

    /**
     * The route takes a body of {@code mediaType} (e.g. {@code text/csv}) instead of JSON, which the
     * platform does not read ahead nor limit to its JSON body size: the handler reads it from
     * {@link ApiRequest#bodyStream} and enforces its own limit.
     *
     * @since 1.4
     */
    default Route streamedBody(String mediaType) {
        throw new UnsupportedOperationException("this platform does not stream request bodies");
    }
}
