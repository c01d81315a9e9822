package io.mosaic.crm.platform.tuning.internal;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The change history tables, brought up to date on activation ({@code db/tuning/V*.sql}, history in
 * {@code flyway_tuning}). Components that use them reference this service.
 */
@Component(service = TuningSchema.class)
public final class TuningSchema {
    static final String MODULE_ID = "tuning";

    @Activate
    public TuningSchema(@Reference Database database) {
        database.migrate(MODULE_ID, TuningSchema.class.getClassLoader());
    }
}
