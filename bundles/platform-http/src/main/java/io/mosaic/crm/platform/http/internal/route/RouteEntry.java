package io.mosaic.crm.platform.http.internal.route;

import io.mosaic.crm.sdk.http.Handler;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.security.Permission;

/**
 * One served route: where, who may call it, what runs, the module that declared it and the gate of
 * its endpoint.
 */
public record RouteEntry(String method, RoutePattern pattern, Permission permission, Handler handler, RouteDoc doc,
        ModuleDescriptor module, EndpointGate gate) {

    public String moduleId() {
        return module.id();
    }

    /** Whether this route and {@code other} would answer the same requests. */
    public boolean clashesWith(RouteEntry other) {
        return method.equals(other.method) && pattern.sameShapeAs(other.pattern);
    }

    @Override
    public String toString() {
        return method + " " + pattern + " (" + module.id() + ")";
    }
}
