package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The response headers the document declares once, under {@code components/headers}. */
final class Headers {
    static final String ETAG = "ETag";
    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    static final String LOCATION = "Location";
    static final String RETRY_AFTER = "Retry-After";
    static final String WWW_AUTHENTICATE = "WWW-Authenticate";

    private Headers() {}

    static String ref(String header) {
        return "#/components/headers/" + header;
    }

    static ObjectNode components(ObjectMapper mapper) {
        ObjectNode headers = mapper.createObjectNode();
        header(headers, ETAG, "The record's version as an entity tag, e.g. `\"3\"`: send it back as `If-Match`")
                .put("type", "string");
        header(headers, IDEMPOTENT_REPLAYED, "`true` when this is the stored first answer to the request's"
                + " `Idempotency-Key`, replayed; absent on a first answer").put("type", "string").putArray("enum").add("true");
        header(headers, LOCATION, "The path of the created resource").put("type", "string").put("format", "uri-reference");
        header(headers, RETRY_AFTER, "Seconds to wait before retrying").put("type", "integer").put("minimum", 0);
        header(headers, WWW_AUTHENTICATE, "The accepted scheme: `Basic realm=\"Mosaic\"`").put("type", "string");
        return headers;
    }

    private static ObjectNode header(ObjectNode headers, String name, String description) {
        return headers.putObject(name).put("description", description).putObject("schema");
    }
}
