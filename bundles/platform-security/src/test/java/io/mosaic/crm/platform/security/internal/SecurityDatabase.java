package io.mosaic.crm.platform.security.internal;

import io.mosaic.crm.testing.TestMariaDb;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A fresh database on the shared test MariaDB with this bundle's migrations applied. */
public final class SecurityDatabase {

    private SecurityDatabase() {
    }

    public static Jdbi fresh() {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase("security");
        Flyway.configure(SecurityDatabase.class.getClassLoader())
                .dataSource(url, server.user(), server.password())
                .locations("classpath:db/security")
                .table("flyway_security")
                .load()
                .migrate();
        return Jdbi.create(url, server.user(), server.password());
    }
}
