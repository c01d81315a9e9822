package io.mosaic.crm.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One operation of the document: its query parameters and its body's fields, with their types. */
record FuzzOperation(String method, String pattern, Map<String, String> query, Map<String, JsonNode> fields,
        List<String> required) {
    boolean writes() {
        return !method.equals("GET");
    }

    static List<FuzzOperation> all(JsonNode openApi) {
        List<FuzzOperation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                Map<String, String> query = new LinkedHashMap<>();
                for (JsonNode p : op.getValue().path("parameters")) {
                    if (p.path("in").asText().equals("query")) {
                        query.put(p.path("name").asText(), p.path("schema").path("type").asText("string"));
                    }
                }
                Map<String, JsonNode> fields = new LinkedHashMap<>();
                JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
                if (schema.has("$ref")) {
                    schema = openApi.at(schema.path("$ref").asText().substring(1));
                }
                schema.path("properties").fields().forEachRemaining(f -> fields.put(f.getKey(), f.getValue()));
                List<String> required = new ArrayList<>();
                schema.path("required").forEach(r -> required.add(r.asText()));
                operations.add(new FuzzOperation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), query, fields, required));
            }
        }
        return operations;
    }
}
