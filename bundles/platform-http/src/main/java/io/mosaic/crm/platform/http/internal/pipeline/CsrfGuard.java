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
 * Cross-site request forgery defence. A state-changing request (anything but GET, HEAD, OPTIONS)
 * must not come from another site's page, whatever its credentials: {@code Sec-Fetch-Site} must be
 * same-origin or none when sent, and {@code Origin}, when sent, must name this server. A browser
 * adds cached Basic credentials or a cookie to a forged request on its own, and a page may as well
 * send a token it stole, so the credential type proves nothing. Callers signed in by a session
 * cookie must in addition echo the session's synchronizer token in {@code X-CSRF-Token}. Clients
 * that send neither header (curl, programs) are not browsers and pass.
 */
final class CsrfGuard {
    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private CsrfGuard() {}

    /** Public routes are exempt: they act with no one's authority (sign-in checks the origin itself). */
    static void check(Request request, Principal principal, Permission permission) {
        if (SAFE.contains(request.getMethod()) || permission.isPublic()) {
            return;
        }
        if (!sameSite(request)) {
            throw rejected("a page of another site may not change anything here");
        }
        Optional<String> expected = principal.csrfToken();
        if (expected.isEmpty()) {
            return; // explicit credentials (Basic, Bearer) from this site or from a program
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
