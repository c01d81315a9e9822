package io.mosaic.crm.customers.internal.common;

import io.mosaic.crm.sdk.http.Route;

/** Describes the list query parameters of a route for the OpenAPI document. */
public final class ListDocs {
    private ListDocs() {}

    public static void describe(Route route, String filters, String sorts, String searched) {
        route.queryParameter("limit", "page size, 1 to the configured maximum (default 50, max 500)")
                .queryParameter("after", "the opaque cursor from the previous page's next")
                .queryParameter("sort", "comma-separated fields: " + sorts)
                .queryParameter("fields", "comma-separated fields to return")
                .queryParameter("q", "prefix search on " + searched);
        for (String filter : filters.split(",\\s*")) {
            route.queryParameter(filter, filter.startsWith("created")
                    ? "ISO-8601 instant, exclusive bound on createdAt" : "exact match (case-insensitive for text)");
        }
    }
}
