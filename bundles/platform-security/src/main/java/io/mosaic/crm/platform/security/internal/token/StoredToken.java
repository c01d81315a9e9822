package io.mosaic.crm.platform.security.internal.token;

import java.time.Instant;

/** A stored API token with the state of its (not deleted) owner. */
public record StoredToken(long id, String prefix, byte[] secretSha256, String scope, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt, long userId, String userName, boolean userActive,
        boolean userLocked) {

    /** Whether the token may be used at {@code now}: not revoked, not expired, owner enabled. */
    public boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt)) && userActive && !userLocked;
    }
}
