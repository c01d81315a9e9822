package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.sdk.http.ApiRequest;
import java.net.URI;
import java.util.Locale;

/**
 * Whether a browser says the request was started by a page of this site: {@code Sec-Fetch-Site}
 * same-origin or none, and an {@code Origin} (when sent) naming this host. Guards sign-in against
 * login CSRF; other state-changing session requests are checked by the HTTP layer.
 */
final class SameSite {

    private SameSite() {
    }

    static boolean allows(ApiRequest request) {
        String site = request.header("Sec-Fetch-Site").orElse(null);
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return false;
        }
        String origin = request.header("Origin").orElse(null);
        if (origin == null) {
            return true;
        }
        String host = request.header("Host").orElse(null);
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || host == null) {
                return false;
            }
            String authority = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return strip(authority).equals(strip(host.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String strip(String authority) {
        String a = authority.toLowerCase(Locale.ROOT);
        return a.endsWith(":80") || a.endsWith(":443") ? a.substring(0, a.lastIndexOf(':')) : a;
    }
}
