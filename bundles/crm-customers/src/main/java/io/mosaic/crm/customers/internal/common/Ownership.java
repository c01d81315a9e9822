package io.mosaic.crm.customers.internal.common;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Record ownership: a caller whose permission is limited to their own records
 * ({@link Principal#ownOnly}) lists only records they own, gets 404 for others' (so that it does
 * not learn they exist) and cannot hand a record to somebody else.
 */
public final class Ownership {

    private Ownership() {
    }

    /** The query parameters of a list request, with {@code ownerId} forced to the caller when needed. */
    public static Map<String, List<String>> listParams(ApiRequest request, Permission read) {
        Principal caller = request.principal();
        if (!caller.ownOnly(read)) {
            return request.queryParams();
        }
        Map<String, List<String>> params = new LinkedHashMap<>(request.queryParams());
        params.put("ownerId", List.of(String.valueOf(caller.userId())));
        return params;
    }

    /** @throws NotFoundException if the caller may act only on their own records and this is not one */
    public static void requireAccess(ApiRequest request, Permission permission, long ownerId, String entity, long id) {
        Principal caller = request.principal();
        if (caller.ownOnly(permission) && ownerId != caller.userId()) {
            throw new NotFoundException(entity, id);
        }
    }

    /** @throws ForbiddenException if such a caller names another owner in the body */
    public static void requireOwnOwner(ApiRequest request, Permission permission) {
        Principal caller = request.principal();
        if (!caller.ownOnly(permission)) {
            return;
        }
        JsonNode owner = request.bodyTree().get("ownerId");
        if (owner != null && !owner.isNull() && !(owner.canConvertToLong() && owner.asLong() == caller.userId())) {
            throw new ForbiddenException("you may only own records yourself: leave ownerId out or set it to "
                    + caller.userId());
        }
    }
}
