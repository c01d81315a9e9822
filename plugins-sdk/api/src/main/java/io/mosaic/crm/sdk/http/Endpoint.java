package io.mosaic.crm.sdk.http;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A set of HTTP routes served under the base path of the module that registers it.
 *
 * <p>Register an implementation as an OSGi service (a Declarative Services component). The
 * registering bundle must carry a {@code Mosaic-Module} manifest header (see
 * {@link io.mosaic.crm.sdk.module.ModuleDescriptor}); its base path prefixes every route pattern.
 * The platform enforces authentication and the permission of each route before the handler runs.
 */
@ConsumerType
public interface Endpoint {

    /** Declares the routes; called once each time the service is registered. */
    void routes(Routes routes);
}
