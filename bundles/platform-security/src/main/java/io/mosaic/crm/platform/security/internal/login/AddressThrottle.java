package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.sdk.error.TooManyRequestsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wrong passwords per client address in a fixed window: once an address has had too many, every
 * password attempt from it is refused with 429 until its window ends, whichever account it tries.
 * Kept in memory, so each node counts for itself (documented in docs/security.md); bounded.
 */
public final class AddressThrottle {
    static final int MAX_ADDRESSES = 100_000;

    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
    private volatile int maxFailures;
    private volatile Duration window;

    private record Window(Instant start, int failures) {
    }

    public AddressThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Applies new limits at once. */
    public void limits(int maxFailures, Duration window) {
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** @throws TooManyRequestsException if {@code address} has failed too often in its current window */
    public void check(String address) {
        Window w = windows.get(address);
        Instant now = clock.instant();
        if (w != null && w.failures() >= maxFailures && now.isBefore(w.start().plus(window))) {
            long seconds = Duration.between(now, w.start().plus(window)).toSeconds() + 1;
            throw new TooManyRequestsException("too many failed sign-ins from your address; retry later", seconds);
        }
    }

    /** Counts a wrong password (or unknown user) from {@code address}. */
    public void failure(String address) {
        Instant now = clock.instant();
        if (windows.size() >= MAX_ADDRESSES) {
            windows.values().removeIf(w -> !now.isBefore(w.start().plus(window)));
            if (windows.size() >= MAX_ADDRESSES) {
                windows.clear();
            }
        }
        windows.compute(address, (a, w) -> w == null || !now.isBefore(w.start().plus(window))
                ? new Window(now, 1) : new Window(w.start(), w.failures() + 1));
    }

    public int size() {
        return windows.size();
    }
}
