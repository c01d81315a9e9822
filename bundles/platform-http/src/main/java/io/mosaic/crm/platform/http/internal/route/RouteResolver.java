package io.mosaic.crm.platform.http.internal.route;

import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.Optional;

/**
 * Finds the route of a request like {@link RouteTable#lookup}, except that a request for a module
 * whose endpoint is being replaced waits in the {@link ParkingLot} for the replacement instead of
 * failing. Requests that find their route never wait.
 */
public final class RouteResolver {
    private final EndpointRegistry registry;
    private final ModuleCatalog modules;

    public RouteResolver(EndpointRegistry registry, ModuleCatalog modules) {
        this.registry = registry;
        this.modules = modules;
    }

    /** The route for {@code method} and {@code path}; parks while its module is being swapped. */
    public RouteTable.Lookup lookup(String method, String path) throws InterruptedException {
        while (true) {
            RouteTable table = registry.table();
            RouteTable.Lookup lookup = table.lookup(method, path);
            if (!(lookup instanceof RouteTable.NoRoute)) {
                return lookup;
            }
            Optional<ModuleDescriptor> module = modules.moduleOf(path);
            if (module.isEmpty() || !registry.parking().park(module.get().id(), table)) {
                return registry.table().lookup(method, path);
            }
        }
    }
}
