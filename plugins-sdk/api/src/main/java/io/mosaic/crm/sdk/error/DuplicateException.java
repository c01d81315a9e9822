package io.mosaic.crm.sdk.error;

import java.util.List;

/** A record with the same identifying values already exists; its id is in the details (409). */
public final class DuplicateException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final long existingId;

    public DuplicateException(String entity, long existingId, List<String> fields) {
        super("duplicate", ("aeiou".indexOf(entity.isEmpty() ? 'x' : entity.charAt(0)) >= 0 ? "an " : "a ") + entity + " with the same " + String.join(" and ", fields) + " exists: id " + existingId,
                fields.stream().map(f -> new FieldProblem(f, "already_exists", existingId)).toList());
        this.existingId = existingId;
    }

    public long existingId() {
        return existingId;
    }
}
