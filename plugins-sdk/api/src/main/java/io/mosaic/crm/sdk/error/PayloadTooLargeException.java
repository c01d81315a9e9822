package io.mosaic.crm.sdk.error;

import java.util.List;

/**
 * A request body over a limit the handler enforces itself, such as a streamed upload (413
 * {@code payload_too_large}).
 *
 * @since 1.3
 */
public final class PayloadTooLargeException extends CrmException {
    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long maxBytes) {
        super("payload_too_large", "the body is larger than " + maxBytes + " bytes", List.of());
    }
}
