package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.error.TooManyRequestsException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

/**
 * Requests per address and minute on the public routes (fixed one-minute windows); over the
 * limit answers 429 with the seconds until the window ends. Bounded: the table is dropped when
 * it holds too many addresses.
 */
final class AddressThrottle {
    private static final int MAX_ADDRESSES = 50_000;
    private final IntSupplier perMinute;
    private final LongSupplier millis;
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private volatile long window;

    AddressThrottle(IntSupplier perMinute, LongSupplier millis) {
        this.perMinute = perMinute;
        this.millis = millis;
    }

    void check(String address) {
        long now = millis.getAsLong();
        long current = now / 60_000;
        if (current != window || counts.size() > MAX_ADDRESSES) {
            synchronized (this) {
                if (current != window || counts.size() > MAX_ADDRESSES) {
                    counts.clear();
                    window = current;
                }
            }
        }
        if (counts.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() > perMinute.getAsInt()) {
            long retry = Math.max(1, ((current + 1) * 60_000 - now + 999) / 1000);
            throw new TooManyRequestsException("too many survey requests from this address; try again later", retry);
        }
    }
}
