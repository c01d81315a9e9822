package io.mosaic.crm.platform.security.internal.user;

import io.mosaic.crm.platform.security.internal.UtcTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts consecutive wrong passwords per user and locks the account for a while once there are
 * too many. Not a change of the user record: no new version.
 */
public final class LoginAttempts {
    private static final String LOCK_ROW = """
            SELECT failed_logins, CAST(locked_until AS CHAR) AS locked_until FROM users WHERE id = :id FOR UPDATE
            """;
    private static final String SET = """
            UPDATE users SET failed_logins = :failed, locked_until = :until WHERE id = :id
            """;
    private static final String CLEAR = """
            UPDATE users SET failed_logins = 0, locked_until = NULL
            WHERE id = :id AND (failed_logins <> 0 OR locked_until IS NOT NULL)
            """;

    private final Jdbi jdbi;
    private final Clock clock;
    private final SecurityChangeListener listener;

    public LoginAttempts(Jdbi jdbi, Clock clock, SecurityChangeListener listener) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.listener = listener;
    }

    /**
     * Records a wrong password. Attempts during a lockout do not count; the first failure after
     * a lockout starts a new count.
     *
     * @return the end of the lockout, if this failure started one
     */
    public Optional<Instant> recordFailure(long userId, int maxFailures, Duration lockout) {
        Instant now = clock.instant();
        Optional<Instant> lockedUntil = jdbi.inTransaction(h -> {
            var row = h.createQuery(LOCK_ROW).bind("id", userId)
                    .map((rs, ctx) -> new Counter(rs.getInt("failed_logins"), UtcTime.read(rs, "locked_until")))
                    .findOne();
            if (row.isEmpty() || row.get().lockedAt(now)) {
                return Optional.<Instant>empty();
            }
            int failed = row.get().lockedUntil() == null ? row.get().failed() + 1 : 1;
            Instant until = failed >= maxFailures ? now.plus(lockout) : null;
            h.createUpdate(SET).bind("id", userId).bind("failed", failed).bind("until", UtcTime.of(until)).execute();
            return Optional.ofNullable(until);
        });
        lockedUntil.ifPresent(until -> listener.userChanged(userId));
        return lockedUntil;
    }

    /** Records a correct password: the count starts over. */
    public void recordSuccess(long userId) {
        jdbi.useHandle(h -> h.createUpdate(CLEAR).bind("id", userId).execute());
    }

    private record Counter(int failed, Instant lockedUntil) {
        boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
