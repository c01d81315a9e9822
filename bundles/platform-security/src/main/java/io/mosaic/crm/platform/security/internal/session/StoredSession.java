package io.mosaic.crm.platform.security.internal.session;

import java.time.Instant;

/** A stored session with the name and sign-in state of its user. */
public record StoredSession(long id, long userId, String userName, String csrfToken, Instant createdAt,
        Instant lastSeenAt, boolean userEnabled) {
}
