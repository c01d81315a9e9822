package io.mosaic.crm.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/** An HTTP response of Mosaic: status, raw body, headers, and the body as JSON. */
public record MosaicResponse(int status, String body, Map<String, List<String>> headers) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body parsed as JSON; fails the test if it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON (status " + status + "): " + body, e);
        }
    }

    /** The first value of a header, case-insensitive, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    /** The {@code error} code of a JSON error answer. */
    public String error() {
        return json().path("error").asText();
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
