package io.mosaic.crm.platform.security.internal.user;

import java.util.Set;

/** A user's role names, the grants those roles carry, and the fields hidden from the user. */
public record UserAccess(Set<String> roles, Grants grants, HiddenFields hidden) {
    public UserAccess {
        roles = Set.copyOf(roles);
    }

    public UserAccess(Set<String> roles, Grants grants) {
        this(roles, grants, HiddenFields.NONE);
    }
}
