package io.mosaic.crm.platform.records.internal;

import io.mosaic.crm.platform.records.internal.store.SqlRecordStore;
import io.mosaic.crm.platform.records.internal.store.StoreContext;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.testing.TestMariaDb;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;

/** A fresh database with the change log and the test tables, and stores on it as the platform makes them. */
public final class TestStores {
    public final Jdbi jdbi;
    public final List<Change> committed = new CopyOnWriteArrayList<>();
    public final StoreContext context;

    public TestStores() {
        var server = TestMariaDb.shared();
        String url = server.freshDatabase("records");
        migrate(url, server, "records");
        migrate(url, server, "widgets");
        jdbi = Jdbi.create(url, server.user(), server.password());
        context = new StoreContext(jdbi, TestStores::type, committed::add, type -> null, Clock.systemUTC(),
                (type, op, nanos, failed) -> { });
    }

    public SqlRecordStore store(RecordType type) {
        return new SqlRecordStore(type, context);
    }

    private static Optional<RecordType> type(String resource) {
        return List.of(TestTypes.MAKERS, TestTypes.WIDGETS).stream().filter(t -> t.resource().equals(resource)).findFirst();
    }

    private static void migrate(String url, TestMariaDb server, String module) {
        Flyway.configure(TestStores.class.getClassLoader()).dataSource(url, server.user(), server.password())
                .locations("classpath:db/" + module).table("flyway_" + module).baselineOnMigrate(true).baselineVersion("0")
                .load().migrate();
    }
}
