package io.mosaic.crm.sdk.http;

import io.mosaic.crm.sdk.security.Permission;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Collects the routes of an {@link Endpoint}. Patterns are relative to the module's base path and
 * may hold path parameters in braces: {@code /accounts/{id}}. Every route names the permission a
 * caller needs; use {@link Permission#authenticated()} for routes any signed-in caller may use.
 */
@ProviderType
public interface Routes {

    Route get(String pattern, Permission permission, Handler handler);

    Route post(String pattern, Permission permission, Handler handler);

    Route put(String pattern, Permission permission, Handler handler);

    Route patch(String pattern, Permission permission, Handler handler);

    Route delete(String pattern, Permission permission, Handler handler);
}
