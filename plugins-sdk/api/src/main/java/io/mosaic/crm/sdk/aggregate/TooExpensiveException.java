package io.mosaic.crm.sdk.aggregate;

import io.mosaic.crm.sdk.error.CrmException;
import java.util.List;

/**
 * An aggregation ran past its time budget and was cancelled: 422 {@code report_too_expensive},
 * with advice in the message (narrow the filters, group by fewer or indexed fields, run it as a
 * scheduled report).
 */
public final class TooExpensiveException extends CrmException {
    private static final long serialVersionUID = 1L;

    public TooExpensiveException(String message) {
        super("report_too_expensive", message, List.of());
    }
}
