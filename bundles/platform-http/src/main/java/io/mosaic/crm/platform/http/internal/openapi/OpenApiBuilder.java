package io.mosaic.crm.platform.http.internal.openapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.platform.http.internal.route.RouteDoc;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import io.mosaic.crm.platform.http.internal.route.RouteTable;
import java.util.Locale;
import java.util.Map;

/**
 * Builds an OpenAPI 3.1 document from a route table: one operation per route with its path
 * parameters, query parameters, summary, required permission ({@code x-permission}), body schemas
 * and the shared error schema.
 */
public final class OpenApiBuilder {
    private static final String ERROR_REF = "#/components/responses/Error";

    private final ObjectMapper mapper;
    private final SchemaCatalog schemas;
    private ObjectNode named = null;

    public OpenApiBuilder(ObjectMapper mapper) {
        this.mapper = mapper;
        this.schemas = new SchemaCatalog(mapper);
    }

    public ObjectNode build(RouteTable table) {
        named = mapper.createObjectNode();
        ObjectNode doc = mapper.createObjectNode();
        doc.put("openapi", "3.1.0");
        doc.putObject("info").put("title", "Mosaic CRM API").put("version", "1");
        ArrayNode security = doc.putArray("security");
        security.addObject().putArray("basicAuth");
        security.addObject().putArray("bearerAuth");
        ObjectNode paths = doc.putObject("paths");
        for (RouteEntry route : table.routes()) {
            String path = route.pattern().toString().replace("*}", "}");
            ObjectNode item = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.set(route.method().toLowerCase(Locale.ROOT), operation(route));
        }
        doc.set("components", components());
        return doc;
    }

    private ObjectNode operation(RouteEntry route) {
        ObjectNode op = mapper.createObjectNode();
        op.putArray("tags").add(route.moduleId());
        if (route.doc().summary() != null) {
            op.put("summary", route.doc().summary());
        }
        op.put("operationId", operationId(route));
        op.put("x-permission", route.permission().toString());
        if (route.permission().isPublic()) {
            op.putArray("security").addObject(); // no credentials needed
        }
        ArrayNode parameters = op.putArray("parameters");
        for (String name : route.pattern().paramNames()) {
            ObjectNode p = parameters.addObject().put("name", name).put("in", "path").put("required", true);
            p.putObject("schema").put("type", "string");
        }
        for (Map.Entry<String, String> query : route.doc().queryParameters().entrySet()) {
            ObjectNode p = parameters.addObject().put("name", query.getKey()).put("in", "query");
            Map<String, Object> typed = route.doc().querySchemas().get(query.getKey());
            p.put("description", query.getValue());
            if (typed != null) {
                p.set("schema", mapper.valueToTree(typed));
            } else {
                p.putObject("schema").put("type", "string");
            }
        }
        if (route.doc().requestSchema() != null) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            body.putObject("content").putObject("application/json").set("schema", named(route.doc().requestSchema()));
        } else if (route.doc().requestBody() != null) {
            ObjectNode body = op.putObject("requestBody").put("required", true);
            body.putObject("content").putObject("application/json").set("schema", schemas.ref(route.doc().requestBody()));
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode success = responses.putObject(successStatus(route)).put("description", "success");
        if (route.doc().responseSchema() != null) {
            success.putObject("content").putObject("application/json").set("schema", named(route.doc().responseSchema()));
        } else if (route.doc().responseBody() != null) {
            success.putObject("content").putObject("application/json").set("schema", schemas.ref(route.doc().responseBody()));
        }
        responses.putObject("default").put("$ref", ERROR_REF);
        return op;
    }

    private ObjectNode named(RouteDoc.NamedSchema schema) {
        named.set(schema.name(), mapper.valueToTree(schema.schema()));
        return mapper.createObjectNode().put("$ref", "#/components/schemas/" + schema.name());
    }

    private static String successStatus(RouteEntry route) {
        return switch (route.method()) {
            case "POST" -> "201";
            case "DELETE" -> route.doc().responseBody() == null ? "204" : "200";
            default -> "200";
        };
    }

    private static String operationId(RouteEntry route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String segment : route.pattern().toString().split("/")) {
            String word = segment.replaceAll("[^A-Za-z0-9]", "");
            if (!word.isEmpty() && !word.equals("api")) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        return id.toString();
    }

    private ObjectNode components() {
        ObjectNode components = mapper.createObjectNode();
        ObjectNode all = schemas.schemas();
        all.setAll(named);
        all.set("Error", errorSchema());
        components.set("schemas", all);
        ObjectNode error = components.putObject("responses").putObject("Error").put("description", "an error");
        error.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
        ObjectNode schemes = components.putObject("securitySchemes");
        schemes.putObject("basicAuth").put("type", "http").put("scheme", "basic");
        schemes.putObject("bearerAuth").put("type", "http").put("scheme", "bearer");
        return components;
    }

    private ObjectNode errorSchema() {
        ObjectNode error = mapper.createObjectNode().put("type", "object");
        error.putArray("required").add("error").add("message").add("details");
        ObjectNode props = error.putObject("properties");
        props.putObject("error").put("type", "string");
        props.putObject("message").put("type", "string");
        ObjectNode detail = props.putObject("details").put("type", "array").putObject("items").put("type", "object");
        ObjectNode detailProps = detail.putObject("properties");
        detailProps.putObject("field").put("type", "string");
        detailProps.putObject("problem").put("type", "string");
        detailProps.putObject("existingId").put("type", "integer").put("format", "int64");
        return error;
    }
}
