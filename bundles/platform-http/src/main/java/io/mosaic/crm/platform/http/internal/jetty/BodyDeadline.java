package io.mosaic.crm.platform.http.internal.jetty;

import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * A request whose body must arrive in time: all of it within {@code timeout} of the request's
 * start, and, after a grace period, at least {@code minBytesPerSecond} on average (or the whole
 * body, if it is shorter). A body too slow fails its reader with 408 {@code request_timeout}; a
 * timer wakes a reader waiting for bytes that do not come, so a silent client is caught too.
 */
final class BodyDeadline extends Request.Wrapper {
    /** Time a client may take before the minimum rate counts. */
    static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final long start = System.nanoTime();
    private final long timeoutNanos;
    private final long minBytesPerSecond;
    private final long declaredLength;
    private final Scheduler scheduler;
    private final Runnable onTimeout;
    private final AtomicReference<Runnable> waiting = new AtomicReference<>();
    private final AtomicBoolean delegateDemanded = new AtomicBoolean();
    private final AtomicBoolean timedOut = new AtomicBoolean();
    private volatile long bytes;
    private volatile boolean complete;
    private volatile Scheduler.Task timer;

    BodyDeadline(Request request, long timeoutMillis, long minBytesPerSecond, Runnable onTimeout) {
        super(request);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        this.minBytesPerSecond = minBytesPerSecond;
        this.declaredLength = request.getLength();
        this.scheduler = request.getComponents().getScheduler();
        this.onTimeout = onTimeout;
    }

    @Override
    public Content.Chunk read() {
        if (timedOut.get()) {
            return failure();
        }
        Content.Chunk chunk = super.read();
        if (chunk == null || Content.Chunk.isFailure(chunk)) {
            return chunk == null && tooSlow(System.nanoTime()) ? timeOut() : chunk;
        }
        bytes += chunk.remaining();
        if (chunk.isLast()) {
            complete = true;
            cancelTimer();
            return chunk;
        }
        if (tooSlow(System.nanoTime())) {
            chunk.release();
            return timeOut();
        }
        return chunk;
    }

    @Override
    public void demand(Runnable reader) {
        if (timedOut.get() || complete) {
            super.demand(reader);
            return;
        }
        waiting.set(reader);
        cancelTimer();
        timer = scheduler.schedule(this::wake, nanosUntilTooSlow(), TimeUnit.NANOSECONDS);
        if (delegateDemanded.compareAndSet(false, true)) {
            super.demand(() -> {
                delegateDemanded.set(false);
                wake();
            });
        }
    }

    private void wake() {
        Runnable reader = waiting.getAndSet(null);
        if (reader != null) {
            reader.run();
        }
    }

    private boolean tooSlow(long now) {
        long elapsed = now - start;
        if (elapsed >= timeoutNanos) {
            return true;
        }
        return minBytesPerSecond > 0 && elapsed > GRACE_NANOS && bytes < required(elapsed);
    }

    private long required(long elapsed) {
        long atRate = (long) ((double) minBytesPerSecond * (elapsed - GRACE_NANOS) / TimeUnit.SECONDS.toNanos(1));
        return declaredLength >= 0 ? Math.min(declaredLength, atRate) : atRate;
    }

    /** When, if no byte comes, the body becomes too slow: at the deadline or when the rate is missed. */
    private long nanosUntilTooSlow() {
        long deadline = start + timeoutNanos;
        if (minBytesPerSecond > 0) {
            long rateMissedAt = start + GRACE_NANOS + (bytes + 1) * TimeUnit.SECONDS.toNanos(1) / minBytesPerSecond;
            deadline = Math.min(deadline, rateMissedAt);
        }
        return Math.max(TimeUnit.MILLISECONDS.toNanos(1), deadline - System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1));
    }

    private Content.Chunk timeOut() {
        if (timedOut.compareAndSet(false, true)) {
            cancelTimer();
            onTimeout.run();
        }
        return failure();
    }

    private Content.Chunk failure() {
        return Content.Chunk.from(new ApiProblem(408, "request_timeout", "the request body came too slowly: "
                + "send it within " + TimeUnit.NANOSECONDS.toMillis(timeoutNanos) + " ms, at least "
                + minBytesPerSecond + " bytes per second"), true);
    }

    private void cancelTimer() {
        Scheduler.Task current = timer;
        if (current != null) {
            current.cancel();
        }
    }
}
