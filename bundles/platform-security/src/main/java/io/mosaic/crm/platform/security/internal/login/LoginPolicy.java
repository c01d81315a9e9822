package io.mosaic.crm.platform.security.internal.login;

import java.time.Duration;

/**
 * How sign-in with a password is throttled.
 *
 * @param maxFailedLogins consecutive wrong passwords that lock an account
 * @param lockout how long such a lockout lasts
 */
public record LoginPolicy(int maxFailedLogins, Duration lockout) {
    public static final LoginPolicy DEFAULT = new LoginPolicy(10, Duration.ofMinutes(5));

    public LoginPolicy {
        if (maxFailedLogins < 1 || lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("need at least one attempt and a positive lockout");
        }
    }
}
