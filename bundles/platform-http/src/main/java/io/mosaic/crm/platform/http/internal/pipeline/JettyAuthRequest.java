package io.mosaic.crm.platform.http.internal.pipeline;

import io.mosaic.crm.sdk.security.AuthRequest;
import java.util.Optional;
import org.eclipse.jetty.server.Request;

/** The {@link AuthRequest} an authenticator sees of a Jetty request: headers, peer address, TLS. */
final class JettyAuthRequest implements AuthRequest {
    private final Request request;
    private final String path;

    JettyAuthRequest(Request request, String path) {
        this.request = request;
        this.path = path;
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public String remoteAddress() {
        return Request.getRemoteAddr(request);
    }

    @Override
    public boolean secure() {
        return request.isSecure();
    }
}
