package io.mosaic.crm.platform.http.internal.route;

import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every installed module, whether or not it is running, keyed by its bundle. A request under the
 * base path of a known module that serves no endpoint is answered "unavailable", never "not found".
 */
public final class ModuleCatalog {
    private final AtomicReference<Map<Long, ModuleDescriptor>> modules = new AtomicReference<>(Map.of());

    public void put(long bundleId, ModuleDescriptor module) {
        modules.updateAndGet(current -> {
            Map<Long, ModuleDescriptor> next = new HashMap<>(current);
            next.put(bundleId, module);
            return Map.copyOf(next);
        });
    }

    public void remove(long bundleId) {
        modules.updateAndGet(current -> {
            Map<Long, ModuleDescriptor> next = new HashMap<>(current);
            next.remove(bundleId);
            return Map.copyOf(next);
        });
    }

    /** The known module whose base path is the longest prefix of {@code path}. */
    public Optional<ModuleDescriptor> moduleOf(String path) {
        ModuleDescriptor best = null;
        for (ModuleDescriptor module : modules.get().values()) {
            String base = module.basePath();
            if (base.equals("/")) {
                continue; // a root module's routes are absolute; it claims no paths
            }
            boolean under = path.equals(base) || path.startsWith(base) && path.charAt(base.length()) == '/';
            if (under && (best == null || base.length() > best.basePath().length())) {
                best = module;
            }
        }
        return Optional.ofNullable(best);
    }
}
