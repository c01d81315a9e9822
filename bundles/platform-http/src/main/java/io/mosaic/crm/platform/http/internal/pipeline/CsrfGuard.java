package io.mosaic.crm.platform.http.internal.pipeline;

import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * Cross-site request forgery defence for callers authenticated by a browser session cookie: a
 * state-changing request must echo the session's synchronizer token in {@code X-CSRF-Token}, and
 * must not come from another site ({@code Sec-Fetch-Site} same-origin or none; {@code Origin},
 * when sent, naming this host). Callers with explicit credentials (Bearer, Basic) are not affected:
 * a browser never adds those on its own.
 */
final class CsrfGuard {
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CsrfGuard() {}

    /** Public routes are exempt: they act with no one's authority (sign-in checks the origin itself). */
    static void check(Request request, Principal principal, Permission permission) {
        Optional<String> expected = principal.csrfToken();
        if (expected.isEmpty() || SAFE.contains(request.getMethod()) || permission.isPublic()) {
            return;
        }
        if (!sameSite(request)) {
            throw rejected("cross-site requests may not change anything");
        }
        String sent = request.getHeaders().get(HEADER);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                expected.get().getBytes(StandardCharsets.UTF_8))) {
            throw rejected("send the session's csrfToken in the " + HEADER + " header");
        }
    }

    /** No fetch metadata or origin saying the request was started by another site. */
    static boolean sameSite(Request request) {
        String site = request.getHeaders().get("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return true;
        }
        String host = request.getHeaders().get(HttpHeader.HOST);
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || host == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return withoutDefaultPort(authority).equals(withoutDefaultPort(host.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String withoutDefaultPort(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        return a.endsWith(":80") || a.endsWith(":443") ? a.substring(0, a.lastIndexOf(':')) : a;
    }

    private static ForbiddenException rejected(String message) {
        return new ForbiddenException("csrf_rejected", message);
    }
}
