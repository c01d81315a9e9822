package io.mosaic.crm.platform.cache.internal;

import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.Caches;
import io.mosaic.crm.sdk.cache.NamedCache;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.framework.Bundle;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * The cache service as one bundle sees it (bundle scope: one instance per using bundle). When the
 * bundle stops or lets go of the service, the caches it declared are removed.
 */
@Component(service = Caches.class, scope = ServiceScope.BUNDLE)
public final class BundleCaches implements Caches {
    private final CacheHouse house;
    private final Owner owner;
    private final Set<String> declared = ConcurrentHashMap.newKeySet();

    @Activate
    public BundleCaches(@Reference CacheHouse house, ComponentContext context) {
        this.house = house;
        Bundle user = context.getUsingBundle();
        this.owner = new Owner(user.getBundleId(), user.getSymbolicName());
    }

    @Override
    public <K, V> NamedCache<K, V> declare(CacheSpec<K, V> spec) {
        Objects.requireNonNull(spec, "spec");
        declared.add(spec.name());
        return house.declare(spec, owner);
    }

    @Deactivate
    void release() {
        declared.forEach(name -> house.release(name, owner));
    }
}
