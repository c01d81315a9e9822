package io.mosaic.crm.platform.http.internal.pipeline;

import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads and checks request bodies: size limit (declared and actual) and media type. */
final class RequestBody {
    private static final List<String> WITH_BODY = List.of("POST", "PUT", "PATCH");

    private RequestBody() {}

    /** Refuses a body whose declared length is over the limit before any of it is read. */
    static void checkDeclaredLength(Request request, long maxBytes) {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            throw ApiProblem.payloadTooLarge(maxBytes);
        }
    }

    /** A POST, PUT or PATCH that carries a body must say it is {@code application/json} (UTF-8). */
    static void checkMediaType(Request request) {
        if (!WITH_BODY.contains(request.getMethod()) || !hasBody(request)) {
            return;
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        if (contentType == null || !isJson(contentType)) {
            throw new ApiProblem(415, "unsupported_media_type", "send the body as application/json; charset=utf-8");
        }
    }

    private static boolean hasBody(Request request) {
        return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    static boolean isJson(String contentType) {
        String[] parts = contentType.split(";");
        if (!parts[0].trim().equalsIgnoreCase("application/json")) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                String charset = kv[1].trim().replace("\"", "").toLowerCase(Locale.ROOT);
                if (!charset.equals("utf-8")) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Reads the whole body, counting: more than {@code maxBytes} is a 413 whatever the headers said. */
    static byte[] read(Request request, long maxBytes) {
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw ApiProblem.payloadTooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            if (hasCause(e, TimeoutException.class)) { // Jetty's idle timeout while the client sends nothing
                throw new ApiProblem(408, "request_timeout", "the request body did not arrive in time");
            }
            throw new UncheckedIOException("reading the request body failed", e);
        }
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
