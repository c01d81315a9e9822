package io.mosaic.crm.sdk.error;

import java.util.List;

/** The service cannot answer now; the client may retry (503). */
public final class UnavailableException extends CrmException {
    private static final long serialVersionUID = 1L;

    public UnavailableException(String code, String message) {
        super(code, message, List.of());
    }
}
