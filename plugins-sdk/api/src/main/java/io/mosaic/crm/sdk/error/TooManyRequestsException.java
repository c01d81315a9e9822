package io.mosaic.crm.sdk.error;

import java.util.List;

/** The caller is throttled (429); {@link #retryAfterSeconds()} becomes the {@code Retry-After} header. */
public final class TooManyRequestsException extends CrmException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String message, long retryAfterSeconds) {
        super("too_many_requests", message, List.of());
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
