package io.mosaic.crm.console.internal;

import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import org.osgi.service.component.annotations.Component;

/**
 * Serves the console's static files at {@code /console}. They are public on purpose: the HTML shell,
 * scripts and styles reveal nothing; every piece of data comes from {@code /api} with the caller's
 * session, so a stranger sees only the login form.
 */
@Component(service = Endpoint.class)
public final class ConsoleEndpoint implements Endpoint {
    private final StaticAssets assets = new StaticAssets(ConsoleEndpoint.class.getClassLoader(), "web/");

    @Override
    public void routes(Routes routes) {
        routes.get("/", Permission.anonymous(), req -> serve("index.html", req))
                .summary("The console's single page (login form until signed in)");
        routes.get("/{path*}", Permission.anonymous(), req -> serve(req.pathParam("path").isEmpty() ? "index.html" : req.pathParam("path"), req))
                .summary("The console's scripts, styles and images");
    }

    private Reply serve(String path, ApiRequest request) {
        return assets.serve(path, request.header("If-None-Match").orElse(null));
    }
}
