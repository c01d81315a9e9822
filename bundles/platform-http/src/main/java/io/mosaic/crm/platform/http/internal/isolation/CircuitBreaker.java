package io.mosaic.crm.platform.http.internal.isolation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The breaker of one module. Closed, it lets every request through and counts failures (500s and
 * handler timeouts); {@code failures} of them within {@code windowMillis} open it. Open, it turns
 * requests away for the cool-down, then lets a single trial request through (half-open): success
 * closes it, failure opens it again. Core modules never open: the platform must stay manageable.
 */
public final class CircuitBreaker {
    public enum State { CLOSED, OPEN, HALF_OPEN }

    private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

    /** Thresholds; {@code failures == 0} disables breaking. */
    public record Settings(int failures, long windowMillis, long cooldownMillis) {}

    private final String moduleId;
    private final boolean core;
    private final Deque<Long> recentFailures = new ArrayDeque<>();
    private volatile State state = State.CLOSED;
    private long openedAt;
    private long openUntil;
    private boolean trialRunning;
    private String reason = "";
    private long trips;

    CircuitBreaker(String moduleId, boolean core) {
        this.moduleId = moduleId;
        this.core = core;
    }

    /** Whether a request may run now; in half-open state only one trial at a time. */
    boolean allow(Settings settings) {
        if (state == State.CLOSED) {
            return true; // the hot path takes no lock
        }
        synchronized (this) {
            if (state == State.OPEN && System.nanoTime() - openUntil >= 0) {
                state = State.HALF_OPEN;
                trialRunning = false;
            }
            if (state == State.HALF_OPEN && !trialRunning) {
                trialRunning = true;
                return true;
            }
            return state == State.CLOSED;
        }
    }

    void succeeded() {
        if (state != State.CLOSED) {
            synchronized (this) {
                if (state == State.HALF_OPEN) {
                    close("trial request succeeded");
                }
            }
        }
    }

    synchronized void failed(Settings settings, String why) {
        long now = System.nanoTime();
        reason = why;
        if (state == State.HALF_OPEN) {
            open(now, settings, "trial request failed: " + why);
            return;
        }
        if (core || settings.failures() <= 0 || state == State.OPEN) {
            return;
        }
        recentFailures.addLast(now);
        long windowStart = now - TimeUnit.MILLISECONDS.toNanos(settings.windowMillis());
        while (!recentFailures.isEmpty() && recentFailures.peekFirst() - windowStart < 0) {
            recentFailures.removeFirst();
        }
        if (recentFailures.size() >= settings.failures()) {
            open(now, settings, recentFailures.size() + " failures within " + settings.windowMillis() + " ms, last: " + why);
        }
    }

    synchronized void reset(String why) {
        close(why);
    }

    /** Milliseconds until a trial request is let through (at least 1 while open). */
    synchronized long retryAfterMillis() {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(openUntil - System.nanoTime()));
    }

    private void open(long now, Settings settings, String why) {
        state = State.OPEN;
        openedAt = System.currentTimeMillis();
        openUntil = now + TimeUnit.MILLISECONDS.toNanos(settings.cooldownMillis());
        trialRunning = false;
        reason = why;
        trips++;
        recentFailures.clear();
        LOG.warn("module {}: circuit breaker opened for {} ms: {}", moduleId, settings.cooldownMillis(), why);
    }

    private void close(String why) {
        if (state != State.CLOSED) {
            LOG.info("module {}: circuit breaker closed: {}", moduleId, why);
        }
        state = State.CLOSED;
        trialRunning = false;
        recentFailures.clear();
    }

    public State state() {
        return state;
    }

    synchronized Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", state.name());
        facts.put("recentFailures", recentFailures.size());
        facts.put("trips", trips);
        facts.put("lastProblem", reason);
        if (state != State.CLOSED) {
            facts.put("openedAt", Instant.ofEpochMilli(openedAt).toString());
        }
        return facts;
    }
}
