package io.mosaic.crm.sdk.error;

import java.util.List;

/** The request is well-formed but its content breaks the rules; every problem is named (422). */
public final class ValidationException extends CrmException {
    private static final long serialVersionUID = 1L;

    public ValidationException(List<FieldProblem> problems) {
        super("validation_failed", "the request has invalid fields", problems);
    }

    /** With a message that helps the caller fix the request, e.g. the allowed next statuses. Since 1.2. */
    public ValidationException(String message, List<FieldProblem> problems) {
        super("validation_failed", message, problems);
    }

    public ValidationException(String field, String problem) {
        this(List.of(new FieldProblem(field, problem)));
    }
}
