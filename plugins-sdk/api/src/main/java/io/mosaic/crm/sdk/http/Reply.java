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

    /**
     * Writes a streamed body to the response as it is produced, after the handler returned (and so
     * outside its time budget): a failure half-way aborts the response.
     *
     * @since 1.4
     */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(java.io.OutputStream out) throws java.io.IOException;
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

    /**
     * A non-JSON answer whose body {@code writer} writes straight to the connection, for exports of
     * any size in constant memory: check everything that can be refused before returning it, since
     * the status is sent before the first byte.
     *
     * @since 1.4
     */
    public static Reply stream(int status, String contentType, BodyWriter writer) {
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("content type required");
        }
        return new Reply(status, java.util.Objects.requireNonNull(writer, "writer"), contentType);
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

    /** The writer of a {@link #stream} reply, or {@code null}. @since 1.4 */
    public BodyWriter streamed() {
        return body instanceof BodyWriter writer ? writer : null;
    }

    /** The media type of a {@link #content} reply, or {@code null} for JSON. */
    public String contentType() {
        return contentType;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
