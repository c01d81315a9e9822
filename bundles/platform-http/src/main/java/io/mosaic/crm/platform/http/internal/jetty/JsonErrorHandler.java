package io.mosaic.crm.platform.http.internal.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the errors Jetty raises itself, before any handler runs (bad request line, header
 * fields too large, URI too long...), in the API's JSON error format instead of HTML.
 */
public final class JsonErrorHandler extends ErrorHandler {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.mosaic.crm.http.access");
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorHandler.class);
    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(400, "bad_request"),
            Map.entry(404, "not_found"),
            Map.entry(405, "method_not_allowed"),
            Map.entry(408, "request_timeout"),
            Map.entry(413, "payload_too_large"),
            Map.entry(414, "uri_too_long"),
            Map.entry(415, "unsupported_media_type"),
            Map.entry(431, "headers_too_large"),
            Map.entry(500, "internal_error"),
            Map.entry(501, "not_implemented"),
            Map.entry(503, "unavailable"),
            Map.entry(505, "http_version_not_supported"));

    private final ResponseWriter writer;

    public JsonErrorHandler(ObjectMapper mapper) {
        this.writer = new ResponseWriter(mapper);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        Throwable cause = (Throwable) request.getAttribute(ERROR_EXCEPTION);
        if (cause instanceof HttpException http) {
            status = http.getCode();
        }
        if (status < 400) {
            status = 500;
        }
        if (status >= 500 && !(cause instanceof HttpException)) {
            LOG.error("{} {} failed inside Jetty with {}", request.getMethod(), request.getHttpURI().getPath(), status, cause);
        }
        ResponseWriter.write(response, writer.render(problem(status)), callback);
        ACCESS.info("{} {} {} 0ms -", request.getMethod(), request.getHttpURI().getPath(), status);
        return true;
    }

    static ApiProblem problem(int status) {
        String code = CODES.getOrDefault(status, "http_" + status);
        String message = status == 500 ? "the server failed to answer; the error has been logged"
                : String.valueOf(HttpStatus.getMessage(status)).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> headers = status == 503 ? Map.of("Retry-After", "5") : Map.of();
        return new ApiProblem(status, code, message, List.of(), headers);
    }
}
