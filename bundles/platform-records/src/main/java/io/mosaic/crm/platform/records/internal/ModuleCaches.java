package io.mosaic.crm.platform.records.internal;

import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.Caches;
import io.mosaic.crm.sdk.cache.NamedCache;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The by-id caches of one module's record types, declared through the module bundle's own
 * {@link Caches} service (bundle-scoped), so platform-cache lists them as the module's and drops
 * them when the module stops. Without platform-cache every read goes to the database.
 */
final class ModuleCaches {
    private final ServiceTracker<Caches, Caches> tracker;
    private final Map<String, NamedCache<Long, Record>> caches = new ConcurrentHashMap<>();
    private volatile Caches current;

    ModuleCaches(BundleContext moduleContext, Iterable<RecordType> types) {
        this.tracker = new ServiceTracker<>(moduleContext, Caches.class, null) {
            @Override
            public Caches addingService(ServiceReference<Caches> reference) {
                Caches caches = super.addingService(reference);
                if (caches != null) {
                    use(caches, types);
                }
                return caches;
            }

            @Override
            public void removedService(ServiceReference<Caches> reference, Caches service) {
                if (current == service) {
                    current = null;
                    ModuleCaches.this.caches.clear();
                }
                super.removedService(reference, service);
            }
        };
        tracker.open();
    }

    private synchronized void use(Caches caches, Iterable<RecordType> types) {
        this.caches.clear();
        for (RecordType type : types) {
            if (type.cacheEntries() > 0) {
                CacheSpec<Long, Record> spec = CacheSpec.of(type.path(), Long.class, Record.class)
                        .heapEntries(type.cacheEntries()).ttl(type.cacheTtl());
                this.caches.put(type.resource(), caches.declare(spec));
            }
        }
        current = caches;
    }

    /** The cache of {@code type}, or null when it is not cached (now). */
    NamedCache<Long, Record> of(RecordType type) {
        return caches.get(type.resource());
    }

    void close() {
        caches.clear();
        tracker.close();
    }
}
