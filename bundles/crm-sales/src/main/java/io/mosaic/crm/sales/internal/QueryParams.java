package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.ApiRequest;
import java.util.List;
import java.util.Optional;

/** Strict query parameters of the module's own routes: unknown ones and bad values are 400. */
final class QueryParams {
    private final ApiRequest request;

    QueryParams(ApiRequest request, String... known) {
        this.request = request;
        List<String> allowed = List.of(known);
        for (var entry : request.queryParams().entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                throw new BadRequestException("unknown_parameter", "unknown query parameter " + entry.getKey()
                        + "; this route takes " + String.join(", ", allowed));
            }
            if (entry.getValue().size() > 1) {
                throw new BadRequestException("invalid_filter", "query parameter " + entry.getKey() + " given twice");
            }
        }
    }

    Optional<String> get(String name) {
        return request.query(name);
    }

    int limit(int defaultLimit) {
        String text = request.query("limit").orElse(null);
        if (text == null) {
            return defaultLimit;
        }
        if (!text.matches("[1-9][0-9]{0,3}") || Integer.parseInt(text) > 500) {
            throw new BadRequestException("invalid_limit", "limit must be 1 to 500");
        }
        return Integer.parseInt(text);
    }

    Optional<PageCursor> after() {
        return request.query("after").map(PageCursor::decode);
    }
}
