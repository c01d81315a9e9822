package io.mosaic.crm.platform.http.internal.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field-level rules, applied generically by the route's resource: the fields a caller may not see
 * ({@link Principal#hiddenFields}) are removed from the JSON answer (the object itself and every
 * object in its {@code items}), and the caller may neither sort nor filter by them, since the order
 * or the selection of records would give the values away, nor write them blindly.
 */
final class FieldRules {
    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private FieldRules() {}

    /** The fields the caller may not see on a route with {@code permission}; usually none. */
    static Set<String> hiddenFor(Principal principal, Permission permission) {
        if (permission.isPublic() || permission.isAuthenticatedOnly()) {
            return Set.of();
        }
        return principal.hiddenFields(permission.resource());
    }

    /** Refuses sorting or filtering by a hidden field, and writing one (a JSON body naming it). */
    static void checkRequest(ExchangeRequest exchange, Set<String> hidden, boolean streamed) {
        if (hidden.isEmpty()) {
            return;
        }
        checkQuery(exchange.queryParams(), hidden);
        if (!streamed && WITH_BODY.contains(exchange.method()) && exchange.header("Content-Length").filter(l -> !l.equals("0"))
                .or(() -> exchange.header("Transfer-Encoding")).isPresent()) {
            JsonNode body = exchange.bodyTree();
            for (String field : hidden) {
                if (body.has(field)) {
                    throw forbidden(field);
                }
            }
        }
    }

    /** Refuses sorting or filtering by a hidden field. */
    static void checkQuery(Map<String, List<String>> query, Set<String> hidden) {
        if (hidden.isEmpty()) {
            return;
        }
        for (Map.Entry<String, List<String>> param : query.entrySet()) {
            for (String field : hidden) {
                if (param.getKey().startsWith(field)) {
                    throw forbidden(field);
                }
            }
            if (param.getKey().equals("sort")) {
                for (String value : param.getValue()) {
                    for (String term : value.split(",")) {
                        String name = term.trim().replaceFirst("^[-+]", "");
                        if (hidden.contains(name)) {
                            throw forbidden(name);
                        }
                    }
                }
            }
        }
    }

    /** {@code body} as a JSON tree without the hidden fields, or {@code body} itself when nothing is hidden. */
    static Object visible(ObjectMapper mapper, Object body, Set<String> hidden) {
        if (hidden.isEmpty() || body == null) {
            return body;
        }
        JsonNode tree = mapper.valueToTree(body);
        strip(tree, hidden);
        JsonNode items = tree.get("items");
        if (items != null && items.isArray()) {
            items.forEach(item -> strip(item, hidden));
        }
        return tree;
    }

    private static void strip(JsonNode node, Set<String> hidden) {
        if (node instanceof ObjectNode object) {
            object.remove(hidden);
        }
    }

    private static ForbiddenException forbidden(String field) {
        return new ForbiddenException("field_forbidden", "you may not see, sort or filter by " + field);
    }
}
