package io.mosaic.crm.platform.security.internal.user;

import java.time.Instant;

/**
 * What sign-in needs to know about a (not deleted) user.
 *
 * @param passwordHash PHC string, or null when the user has no password
 * @param locked locked by an administrator
 * @param lockedUntil end of a temporary lockout after wrong passwords, or null
 */
public record LoginUser(long id, String name, String passwordHash, boolean active, boolean locked,
        int failedLogins, Instant lockedUntil) {

    /** Whether a temporary lockout is in force at {@code now}. */
    public boolean lockedOutAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Whether the user may sign in at all (apart from a temporary lockout). */
    public boolean enabled() {
        return active && !locked;
    }
}
