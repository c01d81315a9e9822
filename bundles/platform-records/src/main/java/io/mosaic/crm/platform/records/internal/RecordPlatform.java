package io.mosaic.crm.platform.records.internal;

import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.records.internal.store.BulkStore;
import io.mosaic.crm.platform.records.internal.store.ChangeLog;
import io.mosaic.crm.platform.records.internal.web.ChangeRestore;
import io.mosaic.crm.platform.records.internal.web.ValuesReader;
import io.mosaic.crm.sdk.bulk.BulkRecords;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.platform.records.internal.store.SqlRecordStore;
import io.mosaic.crm.platform.records.internal.store.StoreContext;
import io.mosaic.crm.platform.records.internal.web.HistoryReader;
import io.mosaic.crm.platform.records.internal.web.ServedType;
import io.mosaic.crm.sdk.cache.NamedCache;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordModule;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The record kit's {@link Records} service: stores on the shared database and served routes for
 * any {@link RecordType}, the registry of running types ({@link RecordModule} services, which
 * reference checks and the metadata API read), and the by-id caches declared for each module.
 */
@Component(service = {Records.class, BulkRecords.class})
public final class RecordPlatform implements Records, BulkRecords {
    private static final Logger LOG = LoggerFactory.getLogger(RecordPlatform.class);

    private record Running(List<RecordType> types, ModuleCaches caches) {}

    private final Map<ServiceReference<RecordModule>, Running> modules = new ConcurrentHashMap<>();
    private final WriteMetrics metrics = new WriteMetrics();
    private final Map<RecordType, BulkStore> bulkStores = new ConcurrentHashMap<>();
    private final StoreContext context;
    private final Jdbi jdbi;

    @Activate
    public RecordPlatform(@Reference Database database, @Reference RecordsSchema schema, @Reference Outbox outbox) {
        this.jdbi = database.jdbi();
        this.context = new StoreContext(jdbi, this::type, outbox::committed, this::cacheOf, Clock.systemUTC(), metrics);
    }

    @Deactivate
    void stop() {
        modules.values().forEach(running -> running.caches().close());
        modules.clear();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRecordModule(RecordModule module, ServiceReference<RecordModule> reference) {
        List<RecordType> types = List.copyOf(module.recordTypes());
        Bundle bundle = reference.getBundle();
        ModuleCaches caches = new ModuleCaches(bundle.getBundleContext(), types);
        Running previous = modules.put(reference, new Running(types, caches));
        if (previous != null) {
            previous.caches().close();
        }
        LOG.info("record types of {}: {}", bundle.getSymbolicName(), types);
    }

    void unbindRecordModule(RecordModule module, ServiceReference<RecordModule> reference) {
        Running gone = modules.remove(reference);
        if (gone != null) {
            gone.caches().close();
            gone.types().forEach(bulkStores::remove);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(MetricRegistry registry) {
        metrics.use(registry);
    }

    void unbindMetrics(MetricRegistry registry) {
        metrics.use(null);
    }

    @Override
    public RecordStore store(RecordType type) {
        return new SqlRecordStore(type, context);
    }

    @Override
    public RecordRoutes serve(Routes routes, RecordType type) {
        HistoryReader history = (t, id, before, limit) ->
                jdbi.withHandle(h -> ChangeLog.history(h, t.module(), t.entity(), id, before, limit));
        ServedType served = new ServedType(new SqlRecordStore(type, context), history);
        served.register(routes);
        return served;
    }

    @Override
    public <T> T inTransaction(Function<Handle, T> work) {
        return context.transactions().inTransaction(work);
    }

    @Override
    public List<RecordType> types() {
        List<RecordType> all = new ArrayList<>();
        modules.values().forEach(running -> all.addAll(running.types()));
        all.sort(java.util.Comparator.comparing(RecordType::resource));
        return all;
    }

    @Override
    public Optional<RecordType> type(String resource) {
        for (Running running : modules.values()) {
            for (RecordType type : running.types()) {
                if (type.resource().equals(resource)) {
                    return Optional.of(type);
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public Values read(RecordType type, Map<String, String> cells, List<FieldProblem> problems) {
        List<FieldProblem> found = new ArrayList<>();
        Values given = ValuesReader.cells(type, cells, found);
        Values checked = bulkStore(type).checked(given, 1L, found);
        problems.addAll(found);
        return checked.with("ownerId", given.get("ownerId"));
    }

    @Override
    public Inserted insert(Handle handle, RecordType type, List<Values> rows, long userId) {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            Inserted inserted = bulkStore(type).insert(handle, rows, userId);
            failed = false;
            return inserted;
        } finally {
            metrics.record(type, "bulk-insert", System.nanoTime() - started, failed);
        }
    }

    @Override
    public Map<List<String>, Long> match(Handle handle, RecordType type, List<String> fields, List<Values> rows) {
        return bulkStore(type).match(handle, fields, rows);
    }

    @Override
    public int delete(Handle handle, RecordType type, List<Long> ids, long userId) {
        return bulkStore(type).delete(handle, ids, userId);
    }

    @Override
    public void restore(RecordType type, long id, long changeId, long userId) {
        ChangeRestore.restore(jdbi, store(type), id, changeId, userId);
    }

    @Override
    public long lastChange(Handle handle, RecordType type, long id) {
        return ChangeLog.last(handle, type.module(), type.entity(), id);
    }

    /** One bulk store per type (their SQL is built once), dropped with the type's module. */
    private BulkStore bulkStore(RecordType type) {
        return bulkStores.computeIfAbsent(type, t -> new BulkStore(t, context));
    }

    private NamedCache<Long, Record> cacheOf(RecordType type) {
        for (Running running : modules.values()) {
            if (running.types().contains(type)) {
                return running.caches().of(type);
            }
        }
        return null;
    }
}
