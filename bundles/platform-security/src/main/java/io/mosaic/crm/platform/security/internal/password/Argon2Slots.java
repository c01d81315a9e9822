package io.mosaic.crm.platform.security.internal.password;

import io.mosaic.crm.sdk.error.UnavailableException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * How many Argon2 computations may run at once. Each one holds its whole memory cost (19 MiB by
 * default) until it ends, so without a bound a burst of sign-ins exhausts the heap. A caller finds
 * a free slot, or waits for one up to {@code wait}, or is turned away with 503 {@code busy}.
 * Slots and wait change live; fewer slots take effect as running computations end.
 */
public final class Argon2Slots {
    /** The share of the heap that running Argon2 computations may hold together. */
    static final int HEAP_DIVISOR = 4;

    private final Slots slots;
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder computations = new LongAdder();
    private final LongAdder waits = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private volatile long waitNanos;
    private int permits;

    /** A semaphore whose number of permits can be lowered while they are held. */
    private static final class Slots extends Semaphore {
        private static final long serialVersionUID = 1L;

        Slots(int permits) {
            super(permits, true);
        }

        void lower(int by) {
            reducePermits(by);
        }
    }

    public Argon2Slots(int permits, Duration wait) {
        if (permits < 1) {
            throw new IllegalArgumentException("need at least one slot, got " + permits);
        }
        this.slots = new Slots(permits);
        this.permits = permits;
        this.waitNanos = wait.toNanos();
    }

    /** As many slots as {@link #defaultPermits} allows for {@code cost}. */
    public static Argon2Slots sizedFor(HashCost cost, Duration wait) {
        return new Argon2Slots(defaultPermits(cost), wait);
    }

    /**
     * One slot per core, but never more than fit, at {@code cost}, in a quarter of the maximum heap;
     * at least one.
     */
    public static int defaultPermits(HashCost cost) {
        long perComputation = cost.memoryKib() * 1024L;
        long fit = Runtime.getRuntime().maxMemory() / HEAP_DIVISOR / perComputation;
        return (int) Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), fit));
    }

    /** Applies a new number of slots and wait at once (to callers arriving from now on). */
    public synchronized void resize(int newPermits, Duration wait) {
        if (newPermits < 1) {
            throw new IllegalArgumentException("need at least one slot, got " + newPermits);
        }
        if (newPermits > permits) {
            slots.release(newPermits - permits);
        } else if (newPermits < permits) {
            slots.lower(permits - newPermits);
        }
        permits = newPermits;
        waitNanos = wait.toNanos();
    }

    /**
     * Runs {@code computation} in a slot.
     *
     * @throws UnavailableException {@code busy} if no slot freed up within the wait
     */
    public <T> T run(Supplier<T> computation) {
        acquire();
        int now = active.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
        try {
            computations.increment();
            return computation.get();
        } finally {
            active.decrementAndGet();
            slots.release();
        }
    }

    private void acquire() {
        if (slots.tryAcquire()) {
            return;
        }
        waits.increment();
        try {
            if (slots.tryAcquire(waitNanos, TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rejections.increment();
        throw new UnavailableException("busy", "too many password checks at once; retry in a moment");
    }

    public synchronized int permits() {
        return permits;
    }

    public long waitMillis() {
        return TimeUnit.NANOSECONDS.toMillis(waitNanos);
    }

    /** Computations running now. */
    public int active() {
        return active.get();
    }

    /** The most computations that ever ran at once. */
    public int peakActive() {
        return peak.get();
    }

    /** Computations run since start. */
    public long computations() {
        return computations.sum();
    }

    /** Callers that found no free slot and had to wait (including those then turned away). */
    public long waits() {
        return waits.sum();
    }

    /** Callers turned away with {@code busy}. */
    public long rejections() {
        return rejections.sum();
    }
}
