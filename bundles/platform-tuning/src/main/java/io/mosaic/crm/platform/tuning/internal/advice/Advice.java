package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.Map;

/**
 * One recommendation: which parameter, its current and recommended value, why (with the figures)
 * and the evidence numbers. {@code parameter} is null when no configuration change can help (a
 * missing index, say); {@code recommended} then holds what to do instead.
 *
 * @param severity info, warning or critical
 */
public record Advice(String id, String severity, Target parameter, Object current, Object recommended,
        String reason, Map<String, Object> evidence) {

    /** The parameter a recommendation changes. */
    public record Target(String pid, String key) {}
}
