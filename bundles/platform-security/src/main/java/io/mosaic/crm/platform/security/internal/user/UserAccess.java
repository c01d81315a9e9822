package io.mosaic.crm.platform.security.internal.user;

import java.util.Set;

/** A user's role names and the grants those roles carry. */
public record UserAccess(Set<String> roles, Grants grants) {
    public UserAccess {
        roles = Set.copyOf(roles);
    }
}
