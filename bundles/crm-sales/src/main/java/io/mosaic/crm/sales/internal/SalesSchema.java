package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The sales schema, brought up to date on activation ({@code db/sales/V*.sql}, history in
 * {@code flyway_sales}); the first start also seeds the default pipeline. Components that use the
 * tables reference this service, so they activate only after the migration succeeded.
 */
@Component(service = SalesSchema.class)
public final class SalesSchema {
    static final String MODULE_ID = "sales";

    @Activate
    public SalesSchema(@Reference Database database) {
        database.migrate(MODULE_ID, SalesSchema.class.getClassLoader());
    }
}
