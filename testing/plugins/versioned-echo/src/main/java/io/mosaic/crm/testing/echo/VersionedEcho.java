package io.mosaic.crm.testing.echo;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /api/echo} answers the version of the bundle revision that serves it, so that a test
 * updating the bundle can tell old answers from new ones; {@code /api/echo/slow} takes a while, to
 * keep requests in flight across an update.
 */
@Component(service = Endpoint.class)
public final class VersionedEcho implements Endpoint {
    private final String version;

    @Activate
    public VersionedEcho(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @Override
    public void routes(Routes routes) {
        routes.get("", Permission.authenticated(), request -> Map.of("version", version))
                .summary("The version of the bundle that answers");
        routes.get("/slow", Permission.authenticated(), request -> {
            Thread.sleep(150);
            return Map.of("version", version);
        }).summary("The same, after 150 ms");
    }
}
