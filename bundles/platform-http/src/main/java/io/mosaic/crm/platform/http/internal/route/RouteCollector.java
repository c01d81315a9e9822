package io.mosaic.crm.platform.http.internal.route;

import io.mosaic.crm.sdk.http.Handler;
import io.mosaic.crm.sdk.http.Route;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.security.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@link Routes} an endpoint declares into; patterns are resolved under the module's base path. */
public final class RouteCollector implements Routes {
    private final ModuleDescriptor module;
    private final EndpointGate gate;
    private final List<Declared> declared = new ArrayList<>();

    public RouteCollector(ModuleDescriptor module, EndpointGate gate) {
        this.module = module;
        this.gate = gate;
    }

    @Override
    public Route get(String pattern, Permission permission, Handler handler) {
        return add("GET", pattern, permission, handler);
    }

    @Override
    public Route post(String pattern, Permission permission, Handler handler) {
        return add("POST", pattern, permission, handler);
    }

    @Override
    public Route put(String pattern, Permission permission, Handler handler) {
        return add("PUT", pattern, permission, handler);
    }

    @Override
    public Route patch(String pattern, Permission permission, Handler handler) {
        return add("PATCH", pattern, permission, handler);
    }

    @Override
    public Route delete(String pattern, Permission permission, Handler handler) {
        return add("DELETE", pattern, permission, handler);
    }

    private Route add(String method, String pattern, Permission permission, Handler handler) {
        Declared route = new Declared(method, RoutePattern.of(module.basePath(), pattern),
                Objects.requireNonNull(permission, "permission"), Objects.requireNonNull(handler, "handler"));
        declared.add(route);
        return route;
    }

    /** The declared routes, frozen. */
    public List<RouteEntry> entries() {
        return declared.stream().map(d -> new RouteEntry(d.method, d.pattern, d.permission, d.handler,
                new RouteDoc(d.summary, d.requestBody, d.responseBody, d.queryParameters,
                d.requestSchema, d.responseSchema, d.querySchemas, d.errors, d.streamedBody), module, gate)).toList();
    }

    /** An unmodifiable copy that keeps the declared order, so that the OpenAPI document is stable. */
    static <V> Map<String, V> ordered(Map<String, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    private static final class Declared implements Route {
        final String method;
        final RoutePattern pattern;
        final Permission permission;
        final Handler handler;
        String summary;
        Class<?> requestBody;
        Class<?> responseBody;
        final Map<String, String> queryParameters = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> querySchemas = new LinkedHashMap<>();
        final List<Integer> errors = new ArrayList<>();
        RouteDoc.NamedSchema requestSchema;
        RouteDoc.NamedSchema responseSchema;
        String streamedBody;

        Declared(String method, RoutePattern pattern, Permission permission, Handler handler) {
            this.method = method;
            this.pattern = pattern;
            this.permission = permission;
            this.handler = handler;
        }

        @Override
        public Route summary(String summary) {
            this.summary = summary;
            return this;
        }

        @Override
        public Route requestBody(Class<?> type) {
            this.requestBody = type;
            return this;
        }

        @Override
        public Route responseBody(Class<?> type) {
            this.responseBody = type;
            return this;
        }

        @Override
        public Route requestSchema(String name, Map<String, Object> schema) {
            this.requestSchema = new RouteDoc.NamedSchema(Objects.requireNonNull(name, "name"), ordered(schema));
            return this;
        }

        @Override
        public Route responseSchema(String name, Map<String, Object> schema) {
            this.responseSchema = new RouteDoc.NamedSchema(Objects.requireNonNull(name, "name"), ordered(schema));
            return this;
        }

        @Override
        public Route queryParameter(String name, String description, Map<String, Object> schema) {
            queryParameter(name, description);
            querySchemas.put(name, ordered(schema));
            return this;
        }

        @Override
        public Route streamedBody(String mediaType) {
            if (mediaType == null || !mediaType.matches("[a-z]+/[a-z0-9.+-]+")) {
                throw new IllegalArgumentException("not a media type: " + mediaType);
            }
            this.streamedBody = mediaType;
            return this;
        }

        @Override
        public Route errors(int... statuses) {
            for (int status : statuses) {
                if (status < 400 || status > 599) {
                    throw new IllegalArgumentException("not an error status: " + status);
                }
                errors.add(status);
            }
            return this;
        }

        @Override
        public Route queryParameter(String name, String description) {
            queryParameters.put(Objects.requireNonNull(name, "name"), description == null ? "" : description);
            return this;
        }
    }
}
