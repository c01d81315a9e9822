package io.mosaic.crm.customers.internal;

import io.mosaic.crm.sdk.db.Database;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The customers schema, brought up to date on activation ({@code db/customers/V*.sql} from this
 * bundle, history in {@code flyway_customers}). Components that use the tables reference this
 * service, so they activate only after the migration succeeded.
 */
@Component(service = CustomersSchema.class)
public final class CustomersSchema {
    static final String MODULE_ID = "customers";

    @Activate
    public CustomersSchema(@Reference Database database) {
        database.migrate(MODULE_ID, CustomersSchema.class.getClassLoader());
    }
}
