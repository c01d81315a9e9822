package io.mosaic.crm.sdk.http;

import org.osgi.annotation.versioning.ProviderType;

/** A declared route; the optional calls describe it for the OpenAPI document. */
@ProviderType
public interface Route {

    /** One line saying what the route does. */
    Route summary(String summary);

    /** The Java type of the JSON request body, if the route takes one. */
    Route requestBody(Class<?> type);

    /** The Java type of the JSON response body on success. */
    Route responseBody(Class<?> type);

    /** Names a query parameter the route understands. */
    Route queryParameter(String name, String description);
}
