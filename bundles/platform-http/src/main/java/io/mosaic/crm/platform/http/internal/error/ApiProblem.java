package io.mosaic.crm.platform.http.internal.error;

import io.mosaic.crm.sdk.error.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * An error answer of the API: status, code, message, details and extra headers. Thrown inside
 * the pipeline for failures the SDK has no exception type for (401, 405, 413, 415...); every other
 * exception is turned into one by {@link ErrorMapper}.
 */
public final class ApiProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String code;
    private final List<FieldProblem> details;
    private final Map<String, String> headers;

    public ApiProblem(int status, String code, String message, List<FieldProblem> details, Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = List.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public ApiProblem(int status, String code, String message) {
        this(status, code, message, List.of(), Map.of());
    }

    public static ApiProblem unauthorized() {
        return unauthorized(true);
    }

    /** A 401; with {@code challenge} it invites HTTP Basic (only API clients, never browsers: see BrowserFetch). */
    public static ApiProblem unauthorized(boolean challenge) {
        return new ApiProblem(401, "unauthorized", "sign in: send valid credentials", List.of(),
                challenge ? Map.of("WWW-Authenticate", "Basic realm=\"Mosaic\"") : Map.of());
    }

    public static ApiProblem notFound(String path) {
        return new ApiProblem(404, "not_found", "no route for " + path);
    }

    public static ApiProblem methodNotAllowed(String method, List<String> allowed) {
        return new ApiProblem(405, "method_not_allowed", method + " is not allowed here", List.of(),
                Map.of("Allow", String.join(", ", allowed)));
    }

    public static ApiProblem malformedJson(String message) {
        return new ApiProblem(400, "malformed_json", message);
    }

    public static ApiProblem payloadTooLarge(long maxBytes) {
        return new ApiProblem(413, "payload_too_large", "the request body exceeds " + maxBytes + " bytes");
    }

    public static ApiProblem unavailable(String code, String message) {
        return new ApiProblem(503, code, message, List.of(), Map.of("Retry-After", "5"));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<FieldProblem> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
