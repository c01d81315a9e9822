package io.mosaic.crm.platform.http.internal.route;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered endpoints and the route table built from them. Adding or removing an endpoint
 * builds a new table and swaps it in atomically; requests never see a half-built table. Removal
 * waits, bounded by the drain timeout, for the requests still running in the endpoint. When the
 * endpoint is expected back (its bundle is updated or refreshed), new requests for its module wait
 * in the {@link ParkingLot} until the replacement is published.
 */
public final class EndpointRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(EndpointRegistry.class);

    private record Registration(ModuleDescriptor module, List<RouteEntry> routes, EndpointGate gate) {}

    private final Map<Long, Registration> registrations = new LinkedHashMap<>();
    private final AtomicReference<RouteTable> table = new AtomicReference<>(RouteTable.EMPTY);
    private final ParkingLot parking = new ParkingLot(table::get, 5000);
    /** The public routes each module declared last, kept while it is away: strangers get 503 there, not 401. */
    private final Map<String, List<RouteEntry>> publicRoutes = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile long drainTimeoutMillis;

    public EndpointRegistry(long drainTimeoutMillis) {
        this.drainTimeoutMillis = drainTimeoutMillis;
    }

    public ParkingLot parking() {
        return parking;
    }

    public RouteTable table() {
        return table.get();
    }

    public void drainTimeoutMillis(long millis) {
        this.drainTimeoutMillis = millis;
    }

    /**
     * Declares and publishes the routes of an endpoint.
     *
     * @param key identifies the registration (the service id)
     * @return false if the endpoint was rejected: its declaration failed or its routes clash
     */
    public synchronized boolean add(long key, ModuleDescriptor module, Endpoint endpoint) {
        EndpointGate gate = new EndpointGate();
        RouteCollector collector = new RouteCollector(module, gate);
        List<RouteEntry> routes;
        try {
            endpoint.routes(collector);
            routes = collector.entries();
        } catch (RuntimeException e) {
            LOG.error("rejected endpoint {} of module {}: its routes cannot be declared", endpoint, module.id(), e);
            return false;
        }
        Optional<String> clash = table.get().clashWith(routes);
        if (clash.isPresent()) {
            LOG.error("rejected endpoint {} of module {}: {}", endpoint, module.id(), clash.get());
            return false;
        }
        registrations.put(key, new Registration(module, routes, gate));
        publicRoutes.put(module.id(), routes.stream().filter(r -> r.permission().isPublic()).toList());
        publish();
        parking.arrived(module.id());
        LOG.info("serving {} routes of module {} under {}", routes.size(), module.id(), module.basePath());
        return true;
    }

    /** Unpublishes an endpoint's routes for good, then waits for the requests still running in it. */
    public void remove(long key) {
        remove(key, false);
    }

    /**
     * Unpublishes an endpoint's routes, then waits for the requests still running in it.
     *
     * @param expectedBack the endpoint's bundle is being updated or refreshed: park the module's new
     *     requests until a replacement is published (bounded by the park timeout)
     */
    public void remove(long key, boolean expectedBack) {
        Registration gone;
        synchronized (this) {
            gone = registrations.get(key);
            if (gone == null) {
                return;
            }
            if (expectedBack) {
                parking.departing(gone.module().id()); // before publishing, so no request misses the window
            }
            registrations.remove(key);
            publish();
        }
        try {
            int left = gone.gate().closeAndDrain(drainTimeoutMillis);
            if (left > 0) {
                LOG.warn("module {}: {} requests still running after {} ms of draining", gone.module().id(), left,
                        drainTimeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("stopped serving module {} under {}", gone.module().id(), gone.module().basePath());
    }

    /** Whether {@code method path} was a public route of module {@code moduleId} when it last ran. */
    public boolean wasPublic(String moduleId, String method, String path) {
        String[] parts = RoutePattern.split(path);
        return publicRoutes.getOrDefault(moduleId, List.of()).stream()
                .anyMatch(r -> r.method().equals(method.equals("HEAD") ? "GET" : method) && r.pattern().matches(parts));
    }

    private void publish() {
        List<RouteEntry> routes = new ArrayList<>();
        Set<String> modules = new HashSet<>();
        for (Registration registration : registrations.values()) {
            routes.addAll(registration.routes());
            modules.add(registration.module().id());
        }
        table.set(new RouteTable(routes, modules));
    }
}
