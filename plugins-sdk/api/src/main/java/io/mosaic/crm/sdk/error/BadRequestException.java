package io.mosaic.crm.sdk.error;

import java.util.List;

/** The request cannot be understood: malformed syntax or an unusable parameter (400). */
public final class BadRequestException extends CrmException {
    private static final long serialVersionUID = 1L;

    public BadRequestException(String code, String message) {
        super(code, message, List.of());
    }
}
