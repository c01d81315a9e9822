package io.mosaic.crm.sdk.error;

import java.util.List;

/** A change needs an {@code If-Match} header naming the version it was based on (428). */
public final class PreconditionRequiredException extends CrmException {
    private static final long serialVersionUID = 1L;

    public PreconditionRequiredException() {
        super("if_match_required", "send If-Match with the version you last read", List.of());
    }
}
