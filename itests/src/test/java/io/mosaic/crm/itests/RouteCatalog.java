package io.mosaic.crm.itests;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every route of the running server as {@code /api/openapi.json} lists it, with a concrete path
 * to call (path parameters filled with harmless values) and its required permission. Tests built
 * on it cover a new route without being told about it.
 */
record RouteCatalog(List<Route> routes) {

    record Route(String method, String pattern, String permission, boolean isPublic) {
        /** The pattern with its parameters filled in: ids 1, anything else a plain word. */
        String path() {
            return pattern.replaceAll("\\{id}", "1").replaceAll("\\{[A-Za-z]*[Ii]d}", "1")
                    .replaceAll("\\{pid}", "io.mosaic.crm.http").replaceAll("\\{[^}]+}", "x");
        }

        String resource() {
            return permission.substring(0, permission.lastIndexOf(':'));
        }

        String action() {
            return permission.substring(permission.lastIndexOf(':') + 1);
        }

        boolean authenticatedOnly() {
            return permission.equals("authenticated:read");
        }

        @Override
        public String toString() {
            return method + " " + pattern + " (" + permission + ")";
        }
    }

    static RouteCatalog of(MosaicClient admin) {
        var doc = admin.get("/api/openapi.json");
        if (doc.status() != 200) {
            throw new AssertionError("no OpenAPI document: " + doc);
        }
        var routes = new ArrayList<Route>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.json().path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields();
            while (ops.hasNext()) {
                var op = ops.next();
                String permission = op.getValue().path("x-permission").asText();
                routes.add(new Route(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), permission,
                        permission.equals("public:read")));
            }
        }
        return new RouteCatalog(List.copyOf(routes));
    }

    /** Whether grants like {@code customers.*:read}, {@code *:*} or {@code x:edit:own} cover the route. */
    static boolean covered(Route route, List<String> grants) {
        for (String grant : grants) {
            String[] parts = grant.split(":");
            String resource = parts[0];
            String action = parts[1];
            boolean resourceOk = resource.equals("*") || resource.equals(route.resource())
                    || (resource.endsWith(".*") && (route.resource() + ".").startsWith(resource.substring(0, resource.length() - 1)));
            if (resourceOk && (action.equals("*") || action.equalsIgnoreCase(route.action()))) {
                return true;
            }
        }
        return false;
    }
}
