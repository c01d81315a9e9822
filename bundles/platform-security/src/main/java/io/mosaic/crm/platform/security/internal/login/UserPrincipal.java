package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.user.Grants;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.Set;

/** A signed-in user with the grants of their roles (limited by a token's scope, if any). */
public record UserPrincipal(long userId, String name, Set<String> roles, Grants grants) implements Principal {

    public UserPrincipal {
        roles = Set.copyOf(roles);
    }

    @Override
    public boolean may(Permission permission) {
        return permission.isAuthenticatedOnly() || grants.allows(permission);
    }
}
