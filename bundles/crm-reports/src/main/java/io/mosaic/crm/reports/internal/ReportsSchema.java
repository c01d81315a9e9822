package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The reports schema ({@code db/reports/V*.sql}, history in {@code flyway_reports}), migrated on activation. */
@Component(service = ReportsSchema.class)
public final class ReportsSchema {
    static final String MODULE_ID = "reports";

    @Activate
    public ReportsSchema(@Reference Database database) {
        database.migrate(MODULE_ID, ReportsSchema.class.getClassLoader());
    }
}
