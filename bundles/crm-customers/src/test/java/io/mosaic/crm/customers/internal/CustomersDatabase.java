package io.mosaic.crm.customers.internal;

import io.mosaic.crm.testing.TestMariaDb;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A fresh database on the shared test MariaDB with this module's migrations applied, as platform-db does. */
public final class CustomersDatabase {
    private CustomersDatabase() {}

    public static Jdbi migrated(String prefix) {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase(prefix);
        var result = Flyway.configure(CustomersDatabase.class.getClassLoader())
                .dataSource(url, server.user(), server.password())
                .locations("classpath:db/" + CustomersSchema.MODULE_ID)
                .table("flyway_" + CustomersSchema.MODULE_ID)
                .load()
                .migrate();
        if (result.migrationsExecuted == 0) {
            throw new IllegalStateException("no migrations found for " + CustomersSchema.MODULE_ID);
        }
        return Jdbi.create(url, server.user(), server.password());
    }
}
