package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.user.Grants;
import io.mosaic.crm.platform.security.internal.user.HiddenFields;
import io.mosaic.crm.platform.security.internal.user.UserAccess;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * A signed-in user with the grants of their roles (limited by a token's scope, if any), the fields
 * hidden from them, and how they signed in. A session principal carries its session's id and CSRF
 * token.
 */
public record UserPrincipal(long userId, String name, Set<String> roles, Grants grants, HiddenFields hidden, Via via,
        long sessionId, String csrf) implements Principal {

    /** How the caller proved who they are. */
    public enum Via { PASSWORD, TOKEN, SESSION }

    public UserPrincipal {
        roles = Set.copyOf(roles);
    }

    public UserPrincipal(long userId, String name, Set<String> roles, Grants grants) {
        this(userId, name, roles, grants, HiddenFields.NONE, Via.PASSWORD, 0, null);
    }

    public static UserPrincipal of(long userId, String name, UserAccess access, Grants grants, Via via) {
        return new UserPrincipal(userId, name, access.roles(), grants, access.hidden(), via, 0, null);
    }

    /** This principal as signed in through the session {@code sessionId}. */
    public UserPrincipal inSession(long sessionId, String csrfToken) {
        return new UserPrincipal(userId, name, roles, grants, hidden, Via.SESSION, sessionId, csrfToken);
    }

    @Override
    public boolean may(Permission permission) {
        return permission.isAuthenticatedOnly() || grants.allows(permission);
    }

    @Override
    public boolean ownOnly(Permission permission) {
        return !permission.isAuthenticatedOnly() && !permission.isPublic() && grants.ownOnly(permission);
    }

    @Override
    public Set<String> hiddenFields(String resource) {
        return hidden.of(resource);
    }

    @Override
    public Optional<String> csrfToken() {
        return via == Via.SESSION ? Optional.ofNullable(csrf) : Optional.empty();
    }

    @Override
    public String toString() {
        return "UserPrincipal[" + userId + ", " + name + ", " + roles + ", via " + via + "]";
    }
}
