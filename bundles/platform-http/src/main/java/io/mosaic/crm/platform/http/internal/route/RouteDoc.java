package io.mosaic.crm.platform.http.internal.route;

import java.util.Map;

/** What a route declared about itself for the OpenAPI document; types may be null. */
public record RouteDoc(String summary, Class<?> requestBody, Class<?> responseBody, Map<String, String> queryParameters) {

    public RouteDoc {
        queryParameters = Map.copyOf(queryParameters);
    }
}
