package io.mosaic.crm.sdk.error;

import java.util.List;

/**
 * Base of the domain errors a route may throw. Each subclass stands for one API error code; the
 * platform maps it to the HTTP status and writes {@code {"error","message","details"}}.
 */
public abstract class CrmException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final List<FieldProblem> details;

    protected CrmException(String code, String message, List<FieldProblem> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = List.copyOf(details);
    }

    /** The machine-readable error code, such as {@code validation_failed}. */
    public final String code() {
        return code;
    }

    public final List<FieldProblem> details() {
        return details;
    }
}
