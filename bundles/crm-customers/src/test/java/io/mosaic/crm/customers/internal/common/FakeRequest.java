package io.mosaic.crm.customers.internal.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** An {@link ApiRequest} built in a test, binding bodies with unknown fields refused as the platform does. */
public final class FakeRequest implements ApiRequest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final String method;
    private final String path;
    private final Map<String, String> pathParams = new LinkedHashMap<>();
    private final Map<String, List<String>> query = new LinkedHashMap<>();
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final long userId;
    private String body = "";

    public FakeRequest(String method, String path, long userId) {
        this.method = method;
        this.path = path;
        this.userId = userId;
    }

    public FakeRequest pathParam(String name, Object value) {
        pathParams.put(name, String.valueOf(value));
        return this;
    }

    public FakeRequest query(String name, String value) {
        query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    public FakeRequest header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public FakeRequest body(String json) {
        this.body = json;
        return this;
    }

    @Override public String method() { return method; }
    @Override public String path() { return path; }
    @Override public String pathParam(String name) { return pathParams.get(name); }

    @Override
    public long idParam(String name) {
        String text = pathParams.get(name);
        if (text == null || !text.matches("[1-9][0-9]{0,18}")) {
            throw new BadRequestException("invalid_id", "not an id: " + text);
        }
        return Long.parseLong(text);
    }

    @Override public Optional<String> query(String name) { return Optional.ofNullable(query.get(name)).map(v -> v.get(0)); }
    @Override public Map<String, List<String>> queryParams() { return query; }
    @Override public Optional<String> header(String name) { return Optional.ofNullable(headers.get(name)); }

    @Override
    public <T> T body(Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException e) {
            throw new ValidationException(e.getPropertyName(), "unknown_field");
        } catch (Exception e) {
            throw new BadRequestException("malformed_json", e.getMessage());
        }
    }

    @Override
    public JsonNode bodyTree() {
        return body(JsonNode.class);
    }

    @Override
    public Principal principal() {
        return new Principal() {
            @Override public long userId() { return userId; }
            @Override public String name() { return "user" + userId; }
            @Override public Set<String> roles() { return Set.of(); }
            @Override public boolean may(Permission permission) { return true; }
        };
    }
}
