package io.mosaic.crm.sdk.error;

import java.util.List;

/** The request conflicts with the current state of a record (409). */
public final class ConflictException extends CrmException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message) {
        super("conflict", message, List.of());
    }
}
