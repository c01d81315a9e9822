package io.mosaic.crm.platform.http.internal.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.sdk.error.FieldProblem;
import java.nio.charset.StandardCharsets;

/** Renders {@code {"error": code, "message": ..., "details": [...]}}; null keys inside details are left out. */
public final class ErrorBody {

    private ErrorBody() {}

    public static byte[] render(ObjectMapper mapper, ApiProblem problem) {
        ObjectNode body = mapper.createObjectNode();
        body.put("error", problem.code());
        body.put("message", problem.getMessage() == null ? problem.code() : problem.getMessage());
        ArrayNode details = body.putArray("details");
        for (FieldProblem detail : problem.details()) {
            ObjectNode item = details.addObject();
            if (detail.field() != null) {
                item.put("field", detail.field());
            }
            if (detail.problem() != null) {
                item.put("problem", detail.problem());
            }
            if (detail.existingId() != null) {
                item.put("existingId", detail.existingId());
            }
        }
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            // a tree of strings and numbers always serializes; keep a last resort anyway
            return ("{\"error\":\"" + problem.code() + "\",\"message\":\"\",\"details\":[]}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
