package io.mosaic.crm.sales.internal;

import io.mosaic.crm.testing.TestMariaDb;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A fresh database on the shared test MariaDB with this module's migrations applied, as platform-db does. */
final class SalesDatabase {
    private SalesDatabase() {}

    static Jdbi migrated(String prefix) {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase(prefix);
        var result = Flyway.configure(SalesDatabase.class.getClassLoader())
                .dataSource(url, server.user(), server.password())
                .locations("classpath:db/" + SalesSchema.MODULE_ID)
                .table("flyway_" + SalesSchema.MODULE_ID)
                .load()
                .migrate();
        if (result.migrationsExecuted == 0) {
            throw new IllegalStateException("no migrations found for " + SalesSchema.MODULE_ID);
        }
        return Jdbi.create(url, server.user(), server.password());
    }
}
