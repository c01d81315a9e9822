package io.mosaic.crm.platform.http.internal.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.error.ErrorBody;
import io.mosaic.crm.sdk.http.Reply;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON answers with the headers every API response carries. */
public final class ResponseWriter {
    public static final String JSON = "application/json; charset=utf-8";

    /** A rendered answer: status, extra headers and body bytes ({@code null} for none). */
    public record Answer(int status, Map<String, String> headers, byte[] body, Reply.BodyWriter stream) {
        public Answer(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, null);
        }
    }

    private final ObjectMapper mapper;

    public ResponseWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Renders a handler's result: a {@link Reply} as it says, {@code null} as 204, anything else as 200 JSON. */
    public Answer render(Object result) throws JsonProcessingException {
        return render(result, java.util.Set.of());
    }

    /** Renders a handler's result without the JSON fields the caller may not see (see {@link FieldRules}). */
    public Answer render(Object result, java.util.Set<String> hidden) throws JsonProcessingException {
        if (result == null) {
            return new Answer(204, Map.of(), null);
        }
        if (result instanceof Reply reply && reply.contentType() != null) {
            Map<String, String> headers = new java.util.LinkedHashMap<>(reply.headers());
            headers.put(HttpHeader.CONTENT_TYPE.asString(), reply.contentType());
            if (reply.streamed() != null) {
                return new Answer(reply.status(), headers, null, reply.streamed());
            }
            return new Answer(reply.status(), headers, (byte[]) reply.body());
        }
        if (result instanceof Reply reply) {
            byte[] body = reply.body() == null ? null
                    : mapper.writeValueAsBytes(FieldRules.visible(mapper, reply.body(), hidden));
            return new Answer(reply.status(), reply.headers(), body);
        }
        return new Answer(200, Map.of(), mapper.writeValueAsBytes(FieldRules.visible(mapper, result, hidden)));
    }

    public Answer render(ApiProblem problem) {
        return new Answer(problem.status(), problem.headers(), ErrorBody.render(mapper, problem));
    }

    /** Writes the answer; to a {@code HEAD} request the same status and headers, with the body's length but not the body. */
    public static void write(Response response, Answer answer, Callback callback) {
        response.setStatus(answer.status());
        HttpFields.Mutable headers = response.getHeaders();
        addStandardHeaders(headers);
        if (answer.body() != null) {
            headers.put(HttpHeader.CONTENT_TYPE, JSON);
        }
        answer.headers().forEach(headers::put);
        if (answer.stream() != null) {
            writeStream(response, answer.stream(), callback);
            return;
        }
        if (answer.body() != null && HttpMethod.HEAD.is(response.getRequest().getMethod())) {
            headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            response.write(true, null, callback);
            return;
        }
        response.write(true, answer.body() == null ? null : ByteBuffer.wrap(answer.body()), callback);
    }

    /**
     * Streams a body as its writer produces it (chunked); a failure half-way aborts the response, so
     * that the client sees a broken transfer rather than a short file that looks complete.
     */
    private static void writeStream(Response response, Reply.BodyWriter stream, Callback callback) {
        if (HttpMethod.HEAD.is(response.getRequest().getMethod())) {
            response.write(true, null, callback);
            return;
        }
        try (OutputStream out = Content.Sink.asOutputStream(response)) {
            stream.writeTo(out);
        } catch (IOException | RuntimeException e) {
            STREAM_FAILURES.warn("a streamed answer to {} failed half-way: {}", response.getRequest().getHttpURI().getPath(),
                    e.toString());
            callback.failed(e);
            return;
        }
        callback.succeeded();
    }

    private static final Logger STREAM_FAILURES = LoggerFactory.getLogger(ResponseWriter.class);

    /** The security headers of every answer, Jetty's own errors included; a strict CSP without inline script. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static void addStandardHeaders(HttpFields.Mutable headers) {
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        if (!headers.contains(HttpHeader.CACHE_CONTROL)) {
            headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        }
    }
}
