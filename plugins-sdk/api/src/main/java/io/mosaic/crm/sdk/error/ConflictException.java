package io.mosaic.crm.sdk.error;

import java.util.List;

/** The request conflicts with the current state of a record (409). */
public final class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super("conflict", message, List.of());
    }

    /**
     * A conflict with its own code and details, e.g. {@code duplicate_candidates} naming each
     * candidate record in {@link FieldProblem#existingId}.
     *
     * @since 1.2
     */
    public ConflictException(String code, String message, List<FieldProblem> details) {
        super(code, message, details);
    }
}
