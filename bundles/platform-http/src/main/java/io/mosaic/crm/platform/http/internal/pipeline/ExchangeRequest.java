package io.mosaic.crm.platform.http.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.platform.http.internal.json.JsonBodyReader;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.IdempotentReply;
import io.mosaic.crm.sdk.security.Principal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Request;

/** The {@link ApiRequest} a handler sees, backed by the Jetty request. */
final class ExchangeRequest implements ApiRequest {
    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,18}");

    private final Request request;
    private final String path;
    private final Map<String, String> params;
    private final Principal principal;
    private final JsonBodyReader reader;
    private final long maxBodyBytes;
    private Map<String, List<String>> query;
    private byte[] body;
    private volatile IdempotentReply idempotentReply;

    ExchangeRequest(Request request, String path, Map<String, String> params, Principal principal,
            JsonBodyReader reader, long maxBodyBytes) {
        this.request = request;
        this.path = path;
        this.params = params;
        this.principal = principal;
        this.reader = reader;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String pathParam(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route has no path parameter {" + name + "}");
        }
        return value;
    }

    @Override
    public long idParam(String name) {
        String value = pathParam(name);
        if (ID.matcher(value).matches()) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException tooBig) {
                // falls through to the error below
            }
        }
        throw new BadRequestException("invalid_id", name + " must be a positive whole number");
    }

    @Override
    public Optional<String> query(String name) {
        List<String> values = queryParams().get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public synchronized Map<String, List<String>> queryParams() {
        if (query == null) {
            query = parseQuery(request.getHttpURI().getQuery());
        }
        return query;
    }

    static Map<String, List<String>> parseQuery(String raw) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return Collections.unmodifiableMap(values);
        }
        try {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            }
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("invalid_query", "the query string is not properly encoded");
        }
        values.replaceAll((name, list) -> List.copyOf(list));
        return Collections.unmodifiableMap(values);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public <T> T body(Class<T> type) {
        return reader.read(bytes(), type);
    }

    @Override
    public JsonNode bodyTree() {
        return reader.read(bytes(), JsonNode.class);
    }

    /** Reads the body now, so that the handler finds it in memory; the pipeline calls this before the handler. */
    void receiveBody() {
        bytes();
    }

    /** The body as received (empty without one); for the idempotency fingerprint. */
    byte[] bodyBytes() {
        return RequestBody.hasBody(request) ? bytes() : new byte[0];
    }

    private synchronized byte[] bytes() {
        if (body == null) {
            body = RequestBody.read(request, maxBodyBytes);
        }
        return body;
    }

    @Override
    public java.io.InputStream bodyStream() {
        return org.eclipse.jetty.io.Content.Source.asInputStream(request);
    }

    @Override
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public Optional<IdempotentReply> idempotentReply() {
        return Optional.ofNullable(idempotentReply);
    }

    void idempotentReply(IdempotentReply reply) {
        this.idempotentReply = reply;
    }
}
