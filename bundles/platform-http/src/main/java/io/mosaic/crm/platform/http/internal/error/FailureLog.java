package io.mosaic.crm.platform.http.internal.error;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs failures quietly under an outage: one stack trace per distinct failure (exception types and
 * messages of the cause chain, without numbers, and the failing frame) per window; the repeats in
 * between are counted and the next stack trace says how many there were. Counts are kept for metrics.
 */
public final class FailureLog {
    private static final int MAX_KINDS = 1000;

    private final Logger log;
    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final AtomicLong logged = new AtomicLong();
    private final AtomicLong suppressed = new AtomicLong();

    private static final class Kind {
        private long loggedAt;
        private long repeats;
    }

    public FailureLog(Logger log, long windowMillis) {
        this(log, windowMillis, System::nanoTime);
    }

    FailureLog(Logger log, long windowMillis, LongSupplier clock) {
        this.log = log;
        this.windowNanos = TimeUnit.MILLISECONDS.toNanos(windowMillis);
        this.clock = clock;
    }

    /** Logs {@code message} at ERROR with the stack trace, unless the same failure was logged within the window. */
    public void error(String message, Throwable failure) {
        long repeats = admit(failure);
        if (repeats < 0) {
            return;
        }
        if (repeats > 0) {
            log.error("{} ({} more like it since the last stack trace)", message, repeats, failure);
        } else {
            log.error(message, failure);
        }
    }

    /** As {@link #error}, at WARN. */
    public void warn(String message, Throwable failure) {
        long repeats = admit(failure);
        if (repeats < 0) {
            return;
        }
        if (repeats > 0) {
            log.warn("{} ({} more like it since the last stack trace)", message, repeats, failure);
        } else {
            log.warn(message, failure);
        }
    }

    /** @return -1 to stay quiet, else the number of repeats suppressed since the last stack trace */
    private long admit(Throwable failure) {
        long now = clock.getAsLong();
        if (kinds.size() > MAX_KINDS) {
            kinds.clear(); // a flood of distinct failures: forget, rather than grow without bound
        }
        Kind kind = kinds.computeIfAbsent(signature(failure), k -> new Kind());
        synchronized (kind) {
            if (kind.loggedAt != 0 && now - kind.loggedAt < windowNanos) {
                kind.repeats++;
                suppressed.incrementAndGet();
                return -1;
            }
            long repeats = kind.repeats;
            kind.loggedAt = now == 0 ? 1 : now;
            kind.repeats = 0;
            logged.incrementAndGet();
            return repeats;
        }
    }

    /** Stack traces written. */
    public long logged() {
        return logged.get();
    }

    /** Repeats not written. */
    public long suppressed() {
        return suppressed.get();
    }

    static String signature(Throwable failure) {
        StringBuilder key = new StringBuilder();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            key.append(t.getClass().getName()).append(':');
            String message = t.getMessage();
            if (message != null) {
                // ports, ids, durations and pool names differ between repeats of the same failure
                key.append(message.length() > 200 ? message.substring(0, 200) : message).append('|');
            }
            StackTraceElement[] stack = t.getStackTrace();
            if (stack.length > 0) {
                key.append(stack[0].getClassName()).append('.').append(stack[0].getMethodName());
            }
            key.append(';');
        }
        return key.toString().replaceAll("[0-9]+", "#");
    }
}
