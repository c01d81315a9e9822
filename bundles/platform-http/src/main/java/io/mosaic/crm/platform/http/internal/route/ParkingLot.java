package io.mosaic.crm.platform.http.internal.route;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where requests wait while a module's endpoint is replaced (its bundle is updated or refreshed,
 * or a service it needs comes back). A module's window opens when one of its endpoints leaves while
 * the bundle is meant to keep running, and closes when as many endpoints as left have come back,
 * when the module is abandoned (stopped on purpose, uninstalled) or when the park timeout expires.
 *
 * <p>A parked request holds its Jetty thread, at most {@code parkTimeoutMillis}: a swap under
 * load pins about (request rate × swap time) threads for the duration of the swap.
 */
public final class ParkingLot {
    private final Supplier<RouteTable> table;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicInteger parked = new AtomicInteger();
    private final AtomicLong parkedTotal = new AtomicLong();
    private final AtomicLong timedOut = new AtomicLong();
    private volatile long parkTimeoutMillis;

    private static final class Window {
        int missing; // guarded by the window's monitor
        volatile long deadline;
        volatile boolean open = true;

        boolean openAt(long now) {
            return open && now - deadline < 0;
        }
    }

    public ParkingLot(Supplier<RouteTable> table, long parkTimeoutMillis) {
        this.table = table;
        this.parkTimeoutMillis = parkTimeoutMillis;
    }

    public void parkTimeoutMillis(long millis) {
        this.parkTimeoutMillis = millis;
    }

    /** An endpoint of the module is leaving, but the module is expected back: park its requests. */
    public synchronized void departing(String moduleId) {
        long now = System.nanoTime();
        Window window = windows.get(moduleId);
        if (window == null || !window.openAt(now)) {
            window = new Window();
            windows.put(moduleId, window);
        }
        synchronized (window) {
            window.missing++;
            window.deadline = now + TimeUnit.MILLISECONDS.toNanos(parkTimeoutMillis);
        }
    }

    /**
     * The module's bundle is starting and does not serve yet (boot, enable): its first requests wait
     * for its endpoint instead of failing, within the park timeout. No-op while a window is open.
     */
    public synchronized void expecting(String moduleId) {
        long now = System.nanoTime();
        Window window = windows.get(moduleId);
        if ((window != null && window.openAt(now)) || table.get().serves(moduleId)) {
            return;
        }
        window = new Window();
        window.missing = 1;
        window.deadline = now + TimeUnit.MILLISECONDS.toNanos(parkTimeoutMillis);
        windows.put(moduleId, window);
    }

    /** An endpoint of the module was published; call after the new route table is in place. */
    public synchronized void arrived(String moduleId) {
        Window window = windows.get(moduleId);
        if (window != null) {
            synchronized (window) {
                if (--window.missing <= 0) {
                    window.open = false;
                    windows.remove(moduleId, window);
                }
                window.notifyAll();
            }
        }
    }

    /** The module will not come back soon (stopped on purpose, uninstalled): release its parked requests. */
    public synchronized void abandon(String moduleId) {
        Window window = windows.remove(moduleId);
        if (window != null) {
            synchronized (window) {
                window.open = false;
                window.notifyAll();
            }
        }
    }

    /**
     * Waits while the module's window is open and the route table is still {@code seen}.
     *
     * @return true if the route table changed, so the caller should look its route up again;
     *     false if nothing will change in time (no window, abandoned, or timed out)
     */
    public boolean park(String moduleId, RouteTable seen) throws InterruptedException {
        Window window = windows.get(moduleId);
        if (window == null || !window.openAt(System.nanoTime())) {
            return table.get() != seen; // a replacement may have arrived just after our lookup
        }
        parked.incrementAndGet();
        parkedTotal.incrementAndGet();
        try {
            synchronized (window) {
                while (window.open && table.get() == seen) {
                    long left = window.deadline - System.nanoTime();
                    if (left <= 0) {
                        window.open = false;
                        timedOut.incrementAndGet();
                        break;
                    }
                    TimeUnit.NANOSECONDS.timedWait(window, left);
                }
            }
        } finally {
            parked.decrementAndGet();
        }
        return table.get() != seen;
    }

    /** Whether requests for the module are parked now rather than answered 503. */
    public boolean parking(String moduleId) {
        Window window = windows.get(moduleId);
        return window != null && window.openAt(System.nanoTime());
    }

    /** Live figures for the {@code http} runtime facts. */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("parkTimeoutMillis", parkTimeoutMillis);
        facts.put("parkedNow", parked.get());
        facts.put("parkedTotal", parkedTotal.get());
        facts.put("parkTimeouts", timedOut.get());
        long now = System.nanoTime();
        facts.put("swapping", windows.entrySet().stream().filter(e -> e.getValue().openAt(now))
                .map(Map.Entry::getKey).sorted().toList());
        return facts;
    }
}
