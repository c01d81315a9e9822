package io.mosaic.crm.platform.http.internal.isolation;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;

/**
 * The HTTP layer's own routes, next to the platform's module API: read and reset a module's
 * circuit breaker. Served by platform-http itself (not an OSGi service), so that they answer even
 * while other modules misbehave.
 */
public final class BreakerEndpoint implements Endpoint {
    /** The pseudo-module these routes belong to; core, so that its own breaker never opens. */
    public static final ModuleDescriptor MODULE =
            new ModuleDescriptor("http", "HTTP layer", "1.0.0", "/api/platform/modules", true);
    private static final Permission READ = Permission.of("platform.modules", Action.READ);
    private static final Permission ADMIN = Permission.of("platform.modules", Action.ADMIN);

    private final CircuitBreakers breakers;

    public BreakerEndpoint(CircuitBreakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/{id}/breaker", READ, req -> breakers.facts(req.pathParam("id")))
                .summary("The circuit breaker of a module: CLOSED, OPEN (answering 503 circuit_open) or HALF_OPEN, and why");
        routes.post("/{id}/breaker/reset", ADMIN, req -> breakers.reset(req.pathParam("id"), req.principal().name()))
                .summary("Close a module's circuit breaker so that its routes serve again");
    }
}
