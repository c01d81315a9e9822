package io.mosaic.crm.customers.internal.common;

import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Handler;
import io.mosaic.crm.sdk.http.Route;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import java.util.LinkedHashMap;
import java.util.Map;

/** Collects declared routes as {@code "METHOD pattern" -> permission} and calls their handlers. */
public final class RecordingRoutes implements Routes {
    public final Map<String, Permission> permissions = new LinkedHashMap<>();
    private final Map<String, Handler> handlers = new LinkedHashMap<>();

    public Object call(String route, ApiRequest request) throws Exception {
        return handlers.get(route).handle(request);
    }

    private Route add(String method, String pattern, Permission permission, Handler handler) {
        permissions.put(method + " " + pattern, permission);
        handlers.put(method + " " + pattern, handler);
        return new Route() {
            @Override public Route summary(String summary) { return this; }
            @Override public Route requestBody(Class<?> type) { return this; }
            @Override public Route responseBody(Class<?> type) { return this; }
            @Override public Route queryParameter(String name, String description) { return this; }
        };
    }

    @Override public Route get(String p, Permission perm, Handler h) { return add("GET", p, perm, h); }
    @Override public Route post(String p, Permission perm, Handler h) { return add("POST", p, perm, h); }
    @Override public Route put(String p, Permission perm, Handler h) { return add("PUT", p, perm, h); }
    @Override public Route patch(String p, Permission perm, Handler h) { return add("PATCH", p, perm, h); }
    @Override public Route delete(String p, Permission perm, Handler h) { return add("DELETE", p, perm, h); }
}
