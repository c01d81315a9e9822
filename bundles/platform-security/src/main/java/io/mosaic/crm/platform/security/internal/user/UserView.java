package io.mosaic.crm.platform.security.internal.user;

import java.util.List;

/** A user as the API shows it; never the password hash. {@code lockedUntil}: a lockout after wrong passwords. */
public record UserView(long id, String username, String email, boolean active, boolean locked, String lockedUntil,
        List<String> roles, int version, String createdAt, String updatedAt) {
}
