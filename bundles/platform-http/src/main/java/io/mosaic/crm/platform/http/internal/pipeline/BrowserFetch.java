package io.mosaic.crm.platform.http.internal.pipeline;

import org.eclipse.jetty.server.Request;

/** Tells requests made by a page's script (fetch/XHR) from others, by what browsers send. */
final class BrowserFetch {

    private BrowserFetch() {}

    /**
     * Whether a page's script sent the request: then a 401 must not carry an HTTP Basic challenge,
     * or the browser would open its own password dialog over the console's login form.
     */
    static boolean isScripted(Request request) {
        String mode = request.getHeaders().get("Sec-Fetch-Mode");
        return (mode != null && !mode.equals("navigate")) || request.getHeaders().contains("X-Requested-With");
    }
}
