package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The service schema, brought up to date on activation ({@code db/service/V*.sql}, history in
 * {@code flyway_service}). Components that use the tables reference this service.
 */
@Component(service = ServiceSchema.class)
public final class ServiceSchema {
    static final String MODULE_ID = "service";

    @Activate
    public ServiceSchema(@Reference Database database) {
        database.migrate(MODULE_ID, ServiceSchema.class.getClassLoader());
    }
}
