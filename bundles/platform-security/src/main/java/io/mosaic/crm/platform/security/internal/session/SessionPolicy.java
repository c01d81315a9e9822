package io.mosaic.crm.platform.security.internal.session;

import java.time.Duration;

/**
 * How long sessions live.
 *
 * @param idle a session unused this long ends
 * @param absolute a session ends this long after sign-in, used or not
 */
public record SessionPolicy(Duration idle, Duration absolute) {
    public static final SessionPolicy DEFAULT = new SessionPolicy(Duration.ofMinutes(30), Duration.ofHours(12));

    public SessionPolicy {
        if (idle.isNegative() || idle.isZero() || absolute.isNegative() || absolute.isZero()) {
            throw new IllegalArgumentException("session timeouts must be positive");
        }
    }

    /** How stale last_seen_at may get before it is written again: a write per request would be waste. */
    Duration touchInterval() {
        Duration tenth = idle.dividedBy(10);
        return tenth.compareTo(Duration.ofMinutes(1)) < 0 ? tenth : Duration.ofMinutes(1);
    }
}
