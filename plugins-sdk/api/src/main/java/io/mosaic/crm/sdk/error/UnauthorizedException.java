package io.mosaic.crm.sdk.error;

import java.util.List;

/** The caller's credentials are missing or wrong (401), e.g. a failed sign-in. */
public final class UnauthorizedException extends CrmException {
    private static final long serialVersionUID = 1L;

    public UnauthorizedException(String message) {
        super("unauthorized", message, List.of());
    }
}
