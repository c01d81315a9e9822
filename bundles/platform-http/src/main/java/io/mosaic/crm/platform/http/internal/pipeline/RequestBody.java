package io.mosaic.crm.platform.http.internal.pipeline;

import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/** Reads and checks request bodies: size limit (declared and actual) and media type. */
final class RequestBody {
    private static final List<String> WITH_BODY = List.of("POST", "PUT", "PATCH");
    /**
     * A refused body up to this size is read and thrown away before the 413 is sent: a client that is
     * still sending (most do not wait for an early answer) would otherwise see the connection reset
     * and lose the answer. Larger ones are refused at once (the connection then closes).
     */
    static final long SWALLOW_BYTES = 8L << 20;
    private static final List<String> SAFE = List.of("GET", "HEAD", "OPTIONS");

    private RequestBody() {}

    /** Refuses a body whose declared length is over the limit before any of it is read. */
    static void checkDeclaredLength(Request request, long maxBytes) {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBytes) {
            if (declared <= SWALLOW_BYTES) {
                discard(request);
            }
            throw ApiProblem.payloadTooLarge(maxBytes);
        }
    }

    private static void discard(Request request) {
        try (InputStream in = Content.Source.asInputStream(request)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            // the client gave up sending: the 413 still goes out if the connection allows
        }
    }

    /**
     * A POST, PUT or PATCH that carries a body must say it is {@code application/json} (UTF-8); and
     * no state-changing request may name another media type, even with an empty body — a browser's
     * form always does ({@code application/x-www-form-urlencoded}, {@code multipart/form-data},
     * {@code text/plain}), so a forged form post is refused even when it carries no fetch metadata.
     */
    static void checkMediaType(Request request) {
        checkMediaType(request, null);
    }

    /** The same for a route that streams a body of {@code streamed} (null: JSON) to its handler. */
    static void checkMediaType(Request request, String streamed) {
        String method = request.getMethod();
        if (SAFE.contains(method)) {
            return;
        }
        String contentType = request.getHeaders().get(HttpHeader.CONTENT_TYPE);
        boolean required = WITH_BODY.contains(method) && hasBody(request);
        if (streamed != null) {
            if (contentType == null ? required : !isMedia(contentType, streamed)) {
                throw new ApiProblem(415, "unsupported_media_type", "send the body as " + streamed + "; charset=utf-8");
            }
            return;
        }
        if (contentType == null ? required : !isJson(contentType)) {
            throw new ApiProblem(415, "unsupported_media_type", "send the body as application/json; charset=utf-8");
        }
    }

    static boolean hasBody(Request request) {
        return request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH) > 0
                || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }

    /** {@code contentType} names {@code media}, with no charset or UTF-8. */
    static boolean isMedia(String contentType, String media) {
        String[] parts = contentType.split(";", 2);
        return parts[0].trim().equalsIgnoreCase(media)
                && (parts.length == 1 || isJson("application/json;" + parts[1]));
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

    /**
     * Reads the whole body, counting: more than {@code maxBytes} is a 413 whatever the headers said.
     * A body that cannot be read — the client hung up before its end, or broke the chunked framing —
     * is the client's fault: 400 {@code malformed_body}.
     */
    static byte[] read(Request request, long maxBytes) {
        int limit = (int) Math.min(maxBytes, Integer.MAX_VALUE - 8);
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw ApiProblem.payloadTooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException | HttpException.RuntimeException e) {
            if (hasCause(e, TimeoutException.class)) { // Jetty's idle timeout while the client sends nothing
                throw new ApiProblem(408, "request_timeout", "the request body did not arrive in time");
            }
            throw new ApiProblem(400, "malformed_body", "the request body could not be read to its end: "
                    + (e instanceof HttpException http ? http.getReason() : "the connection failed"));
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
