package io.mosaic.crm.platform.records.internal;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The change-log table, brought up to date on activation ({@code db/records/V*.sql}, history in
 * {@code flyway_records}). The outbox and the stores reference this service, so they activate only
 * after the migration succeeded.
 */
@Component(service = RecordsSchema.class)
public final class RecordsSchema {
    static final String MODULE_ID = "records";

    @Activate
    public RecordsSchema(@Reference Database database) {
        database.migrate(MODULE_ID, RecordsSchema.class.getClassLoader());
    }
}
