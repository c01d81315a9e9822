package io.mosaic.crm.platform.http.internal.pipeline;

import java.util.Locale;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/** Tells requests a browser sends (page navigations, page scripts, forms) from those of API clients. */
final class BrowserFetch {
    private static final String API = "/api/";

    private BrowserFetch() {}

    /**
     * Whether a 401 may carry an HTTP Basic challenge: only for API paths and only to a client that
     * shows no sign of being a browser. A browser that answered a challenge once would keep sending
     * the password with every request to this server, including those another site makes it send;
     * and a page script must not get the browser's own password dialog over the console's login.
     */
    static boolean mayChallenge(Request request, String path) {
        return path.startsWith(API) && !isBrowser(request);
    }

    /**
     * Whether a browser sent the request: it carries fetch metadata ({@code Sec-Fetch-*}, sent by
     * every current browser to secure origins and localhost), an {@code Origin}, the console's
     * {@code X-Requested-With}, or asks for HTML (a navigation, also over plain HTTP).
     */
    static boolean isBrowser(Request request) {
        var headers = request.getHeaders();
        if (headers.contains("Sec-Fetch-Mode") || headers.contains("Sec-Fetch-Site")
                || headers.contains("Sec-Fetch-Dest") || headers.contains(HttpHeader.ORIGIN)
                || headers.contains("X-Requested-With")) {
            return true;
        }
        String accept = headers.get(HttpHeader.ACCEPT);
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }
}
