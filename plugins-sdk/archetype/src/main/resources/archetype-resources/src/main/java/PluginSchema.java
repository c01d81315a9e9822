package ${package};

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The plugin's tables, brought up to date when the plugin starts: the platform runs the Flyway
 * scripts db/${moduleId}/V*.sql of this bundle. Components that use the tables reference this
 * service, so they start only after the migration succeeded.
 */
@Component(service = PluginSchema.class)
public final class PluginSchema {
    public static final String MODULE_ID = "${moduleId}";

    @Activate
    public PluginSchema(@Reference Database database) {
        database.migrate(MODULE_ID, PluginSchema.class.getClassLoader());
    }
}
