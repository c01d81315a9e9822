package io.mosaic.crm.sdk.error;

import java.util.List;

/** The caller is known but may not do this (403). */
public final class ForbiddenException extends CrmException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super("forbidden", message, List.of());
    }

    /** A 403 with a more precise code, such as {@code csrf_rejected} or {@code field_forbidden}. */
    public ForbiddenException(String code, String message) {
        super(code, message, List.of());
    }
}
