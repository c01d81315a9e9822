package io.mosaic.crm.sdk.error;

import java.util.List;

/** No such record, or it was deleted (404). */
public final class NotFoundException extends CrmException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String entity, Object id) {
        super("not_found", entity + " " + id + " does not exist", List.of());
    }
}
