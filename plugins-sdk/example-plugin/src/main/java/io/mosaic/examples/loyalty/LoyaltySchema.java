package io.mosaic.examples.loyalty;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's tables, brought up to date when the bundle starts: the platform runs the Flyway
 * scripts {@code db/loyalty/V*.sql} of this bundle and records them in {@code flyway_loyalty}.
 * Components that use the tables reference this service, so they start only after the migration.
 */
@Component(service = LoyaltySchema.class)
public final class LoyaltySchema {
    /** The module id of the {@code Mosaic-Module} header in bnd.bnd. */
    public static final String MODULE_ID = "loyalty";

    @Activate
    public LoyaltySchema(@Reference Database database) {
        database.migrate(MODULE_ID, LoyaltySchema.class.getClassLoader());
    }
}
