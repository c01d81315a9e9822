package io.mosaic.crm.sdk.http;

import java.util.LinkedHashMap;
import java.util.Map;

/** A response with an explicit status and headers, for when 200 with a JSON body is not right. */
public final class Reply {
    private final int status;
    private final Object body;
    private final Map<String, String> headers = new LinkedHashMap<>();

    private Reply(int status, Object body) {
        this.status = status;
        this.body = body;
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

    /** The body to write as JSON, or {@code null} for none. */
    public Object body() {
        return body;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }
}
