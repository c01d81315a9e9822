package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.platform.http.internal.openapi.SchemaCatalog.Use;
import io.mosaic.crm.platform.http.internal.route.RouteDoc;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The operation object of one route: tag, summary, permission, parameters (path, query,
 * {@code If-Match} on a PATCH, {@code Idempotency-Key} on a POST), request body, the success response with its headers and the error
 * responses. Remembers which error statuses it used, for {@code components/responses}.
 */
final class Operations {
    private final ObjectMapper mapper;
    private final SchemaCatalog schemas;
    private final QueryParameters queries;
    private final SortedSet<Integer> usedStatuses = new TreeSet<>();

    Operations(ObjectMapper mapper, SchemaCatalog schemas) {
        this.mapper = mapper;
        this.schemas = schemas;
        this.queries = new QueryParameters(mapper);
    }

    /** The error statuses of every operation built so far. */
    SortedSet<Integer> usedStatuses() {
        return usedStatuses;
    }

    /**
     * The operation of {@code route}, with the unique {@code operationId} given; {@code methodsAtPath}
     * are the methods of its path: a path with a PATCH is a versioned record, whose GET and PATCH
     * answer with an {@code ETag}.
     */
    ObjectNode of(RouteEntry route, String operationId, Set<String> methodsAtPath) {
        RouteDoc doc = route.doc();
        ObjectNode op = mapper.createObjectNode();
        op.putArray("tags").add(route.moduleId());
        op.put("summary", doc.summary() != null ? doc.summary() : route.method() + " " + OpenApiBuilder.path(route));
        op.put("operationId", operationId);
        op.put("x-permission", route.permission().toString());
        if (route.permission().isPublic()) {
            op.putArray("security").addObject(); // no credentials needed
        }
        ArrayNode parameters = op.putArray("parameters");
        for (String name : route.pattern().paramNames()) {
            ObjectNode p = parameters.addObject().put("name", name).put("in", "path").put("required", true);
            p.putObject("schema").put("type", "string");
        }
        for (Map.Entry<String, String> query : doc.queryParameters().entrySet()) {
            parameters.add(queries.parameter(query.getKey(), query.getValue(), doc.querySchemas().get(query.getKey())));
        }
        if (route.method().equals("PATCH")) {
            ObjectNode ifMatch = parameters.addObject().put("name", "If-Match").put("in", "header")
                    .put("description", "the version last read, as its ETag gave it (e.g. `\"3\"`); a record answers"
                            + " 412 when it changed since, and 428 when this header is missing")
                    .put("required", doc.errors().contains(428));
            ifMatch.putObject("schema").put("type", "string");
        }
        if (idempotent(route)) {
            ObjectNode key = parameters.addObject().put("name", Headers.IDEMPOTENCY_KEY).put("in", "header")
                    .put("description", "any unique string (a UUID): a retry with the same key and the same request"
                            + " gets the first answer again (with `Idempotent-Replayed: true`) for 24 hours instead of"
                            + " running twice; the same key with another request is 422 `idempotency_key_reused`, a retry"
                            + " while the first is still served 409 `idempotency_in_progress`")
                    .put("required", false);
            key.putObject("schema").put("type", "string").put("minLength", 1).put("maxLength", 255)
                    .put("pattern", "^[\\x21-\\x7e]+$");
        }
        if (parameters.isEmpty()) {
            op.remove("parameters");
        }
        ObjectNode body = body(doc.requestSchema(), doc.requestBody(), Use.REQUEST);
        if (doc.streamed()) {
            op.putObject("requestBody").put("required", true).putObject("content").putObject(doc.streamedBody())
                    .putObject("schema").put("type", "string");
        } else if (body != null) {
            op.putObject("requestBody").put("required", true).putObject("content").set("application/json", body);
        }
        ObjectNode responses = op.putObject("responses");
        responses.set(successStatus(route), success(route, methodsAtPath.contains("PATCH")));
        for (int status : ErrorResponses.of(route)) {
            usedStatuses.add(status);
            responses.putObject(String.valueOf(status)).put("$ref", "#/components/responses/" + ErrorResponses.name(status));
        }
        responses.putObject("default").put("$ref", "#/components/responses/Error");
        return op;
    }

    private ObjectNode success(RouteEntry route, boolean versioned) {
        String status = successStatus(route);
        ObjectNode success = mapper.createObjectNode().put("description", switch (status) {
            case "201" -> "Created: `Location` names the new resource";
            case "204" -> "Done; no content";
            default -> "OK";
        });
        ObjectNode headers = mapper.createObjectNode();
        if (status.equals("201")) {
            headers.putObject(Headers.LOCATION).put("$ref", Headers.ref(Headers.LOCATION));
        }
        if (versioned && (route.method().equals("GET") || route.method().equals("PATCH"))) {
            headers.putObject(Headers.ETAG).put("$ref", Headers.ref(Headers.ETAG));
        }
        if (idempotent(route)) {
            headers.putObject(Headers.IDEMPOTENT_REPLAYED).put("$ref", Headers.ref(Headers.IDEMPOTENT_REPLAYED));
        }
        if (!headers.isEmpty()) {
            success.set("headers", headers);
        }
        ObjectNode content = body(route.doc().responseSchema(), route.doc().responseBody(), Use.RESPONSE);
        if (content != null) {
            success.putObject("content").set("application/json", content);
        }
        return success;
    }

    private ObjectNode body(RouteDoc.NamedSchema named, Class<?> type, Use use) {
        if (named != null) {
            return mapper.createObjectNode().set("schema", schemas.named(named.name(), named.schema()));
        }
        return type == null ? null : mapper.createObjectNode().set("schema", schemas.ref(type, use));
    }

    /** A POST of signed-in callers honours {@code Idempotency-Key}. */
    static boolean idempotent(RouteEntry route) {
        return route.method().equals("POST") && !route.permission().isPublic();
    }

    private static String successStatus(RouteEntry route) {
        RouteDoc doc = route.doc();
        return switch (route.method()) {
            case "POST" -> "201";
            case "DELETE" -> doc.responseBody() == null && doc.responseSchema() == null ? "204" : "200";
            default -> "200";
        };
    }
}
