package io.mosaic.crm.platform.tuning.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Body of {@code POST /api/platform/tuning/apply}: either {@code changes} or {@code adviceId}, and
 * an optional {@code reason}.
 */
public record ApplyRequest(List<ParameterChange> changes, String adviceId, String reason) {

    /** One value to set; {@code value} is typed as the parameter is (number, boolean or string). */
    public record ParameterChange(String pid, String key, JsonNode value) {}
}
