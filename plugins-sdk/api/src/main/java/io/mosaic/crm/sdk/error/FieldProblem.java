package io.mosaic.crm.sdk.error;

/**
 * What is wrong with one field of a request. {@code existingId} is set only for duplicates: the id
 * of the record that already holds the value.
 */
public record FieldProblem(String field, String problem, Long existingId) {

    public FieldProblem(String field, String problem) {
        this(field, problem, null);
    }
}
