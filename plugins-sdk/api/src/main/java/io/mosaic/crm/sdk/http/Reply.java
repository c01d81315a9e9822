package io.mosaic.crm.sdk.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response with an explicit status and headers, for when 200 with a JSON body is not right.
 * {@link #content} answers with bytes of any media type (HTML, CSS, Prometheus text) instead.
 */
public final class Reply {
    private final int status;
    private final Object body;
    private final String contentType;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, Object body) {
        this(status, body, null);
    }

    private Reply(int status, Object body, String contentType) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
    }

    /** A non-JSON answer: {@code body} is written as it is, with the given {@code Content-Type}. */
    public static Reply content(int status, String contentType, byte[] body) {
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("content type required");
        }
        return new Reply(status, body.clone(), contentType);
    }

    /** A non-JSON text answer in UTF-8, e.g. {@code content(200, "text/plain; version=0.0.4", text)}. */
    public static Reply content(int status, String contentType, String body) {
        return content(status, contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static Reply ok(Object body) {
        return new Reply(200, body);
    }

    /** 201 with a {@code Location} header. */
    public static Reply created(String location, Object body) {
        return new Reply(201, body).header("Location", location);
    }

    public static Reply accepted(Object body) {
        return new Reply(202, body);
    }

    /** 204, no body. */
    public static Reply noContent() {
        return new Reply(204, null);
    }

    public Reply header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    /** The body to write as JSON, or {@code null} for none; the raw bytes for a {@link #content} reply. */
    public Object body() {
        return body instanceof byte[] bytes ? bytes.clone() : body;
    }

    /** The media type of a {@link #content} reply, or {@code null} for JSON. */
    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
