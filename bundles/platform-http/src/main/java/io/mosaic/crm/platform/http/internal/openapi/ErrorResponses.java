package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The error answers of a route: which statuses it can give, each a shared response under
 * {@code components/responses} whose body is the {@code Error} schema.
 */
final class ErrorResponses {
    /** An error status as the document names and describes it. */
    record Status(String name, String description, String header) {}

    static final String ERROR_SCHEMA = "#/components/schemas/Error";

    private static final Map<Integer, Status> KNOWN = Map.ofEntries(
            Map.entry(400, new Status("BadRequest", "Malformed request: JSON, a query parameter or a path id"
                    + " that does not parse (`malformed_json`, `invalid_query`, `invalid_cursor`, `invalid_id`,"
                    + " `invalid_idempotency_key`, ...)", null)),
            Map.entry(401, new Status("Unauthorized", "No or wrong credentials (`unauthorized`)",
                    Headers.WWW_AUTHENTICATE)),
            Map.entry(403, new Status("Forbidden", "The caller lacks the route's permission, or a browser"
                    + " session sent no CSRF token (`forbidden`, `csrf_rejected`, `field_forbidden`)", null)),
            Map.entry(404, new Status("NotFound", "No such resource, or not one the caller may see (`not_found`)", null)),
            Map.entry(409, new Status("Conflict", "A duplicate or conflicting state; for a duplicate the details"
                    + " carry the matching record's `existingId` (`duplicate`, `conflict`); a request whose"
                    + " `Idempotency-Key` is still being served (`idempotency_in_progress`, `Retry-After`)", null)),
            Map.entry(412, new Status("PreconditionFailed", "`If-Match` names an older version: someone changed"
                    + " the record since it was read (`version_mismatch`)", null)),
            Map.entry(413, new Status("ContentTooLarge", "The body is larger than the server accepts (`payload_too_large`)", null)),
            Map.entry(415, new Status("UnsupportedMediaType", "The body is not `application/json`"
                    + " (`unsupported_media_type`)", null)),
            Map.entry(422, new Status("UnprocessableContent", "Validation failed: the details name each field"
                    + " and its problem (`validation_failed`); an `Idempotency-Key` used before for a different"
                    + " request (`idempotency_key_reused`)", null)),
            Map.entry(428, new Status("PreconditionRequired", "`If-Match` is missing (`if_match_required`)", null)),
            Map.entry(429, new Status("TooManyRequests", "Rate-limited (`too_many_requests`): retry after"
                    + " `Retry-After` seconds", Headers.RETRY_AFTER)),
            Map.entry(503, new Status("ServiceUnavailable", "The module is disabled or did not come back from an"
                    + " update in time (`module_unavailable`), or its handlers fail or hang (`circuit_open`,"
                    + " `handler_timeout`), or the database cannot be reached (`database_unavailable`): retry after"
                    + " `Retry-After` seconds", Headers.RETRY_AFTER)));

    private ErrorResponses() {}

    /**
     * The error statuses of {@code route}: what the platform answers for every route (429, 503; 401
     * and 403 unless it is public), 400 where a path, query or body can be malformed, 404 for a path
     * with parameters, 413/415/422 for a body, 412/428 for a PATCH (conditional by convention), and
     * what the route declared with {@code errors(...)}.
     */
    static SortedSet<Integer> of(RouteEntry route) {
        SortedSet<Integer> statuses = new TreeSet<>(route.doc().errors());
        boolean hasBody = route.doc().requestBody() != null || route.doc().requestSchema() != null || route.doc().streamed();
        boolean hasPathParams = !route.pattern().paramNames().isEmpty();
        if (hasBody || hasPathParams || !route.doc().queryParameters().isEmpty()) {
            statuses.add(400);
        }
        if (!route.permission().isPublic()) {
            statuses.add(401);
            statuses.add(403);
        }
        if (hasPathParams) {
            statuses.add(404);
        }
        if (hasBody) {
            statuses.add(413);
            statuses.add(415);
            statuses.add(422);
        }
        if (route.method().equals("PATCH")) {
            statuses.add(412);
            statuses.add(428);
        }
        if (Operations.idempotent(route)) {
            statuses.add(400);
            statuses.add(409);
            statuses.add(422);
        }
        statuses.add(429);
        statuses.add(503);
        return statuses;
    }

    /** The name of the shared response for {@code status}, e.g. {@code NotFound}. */
    static String name(int status) {
        Status known = KNOWN.get(status);
        return known != null ? known.name() : "Status" + status;
    }

    /** {@code components/responses}: the generic {@code Error} and one response per status in use. */
    static ObjectNode components(ObjectMapper mapper, SortedSet<Integer> used) {
        ObjectNode responses = mapper.createObjectNode();
        responses.set("Error", response(mapper, "An unexpected error (a 5xx is always a bug)", null));
        for (int status : used) {
            Status known = KNOWN.get(status);
            responses.set(name(status), known != null
                    ? response(mapper, known.description(), known.header())
                    : response(mapper, "Error " + status, null));
        }
        return responses;
    }

    private static ObjectNode response(ObjectMapper mapper, String description, String header) {
        ObjectNode response = mapper.createObjectNode().put("description", description);
        if (header != null) {
            response.putObject("headers").putObject(header).put("$ref", Headers.ref(header));
        }
        response.putObject("content").putObject("application/json").putObject("schema").put("$ref", ERROR_SCHEMA);
        return response;
    }

    /** The {@code Error} schema: {@code {"error","message","details":[{"field","problem",...}]}}. */
    static ObjectNode schema(ObjectMapper mapper) {
        ObjectNode error = mapper.createObjectNode().put("type", "object")
                .put("description", "Every error answer: a stable code, a human-readable message and details");
        error.putArray("required").add("error").add("message").add("details");
        ObjectNode props = error.putObject("properties");
        props.putObject("error").put("type", "string").put("description", "a stable code such as `not_found`");
        props.putObject("message").put("type", "string");
        ObjectNode detail = props.putObject("details").put("type", "array").putObject("items").put("type", "object");
        ObjectNode detailProps = detail.putObject("properties");
        detailProps.putObject("field").put("type", "string");
        detailProps.putObject("problem").put("type", "string").put("description", "a stable code such as `too_long`");
        detailProps.putObject("existingId").put("type", "integer").put("format", "int64")
                .put("description", "for a duplicate: the id of the matching record");
        return error;
    }
}
