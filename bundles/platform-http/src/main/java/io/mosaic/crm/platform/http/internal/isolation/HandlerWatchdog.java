package io.mosaic.crm.platform.http.internal.isolation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches running handlers (and request bodies being received) against their time budget. One
 * daemon thread scans them every tick (a tenth of the latest budget, 10..100 ms); an overrun
 * thread is interrupted and its request answered by the timeout action. The thread starts with the first
 * watched handler and ends with {@link #close()}.
 */
final class HandlerWatchdog implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerWatchdog.class);

    private final Set<Ticket> running = ConcurrentHashMap.newKeySet();
    private Thread thread;
    private boolean closed;
    private volatile boolean started;
    private volatile long tickMillis = 100;

    /** One watched handler run. */
    final class Ticket {
        private final Thread handler = Thread.currentThread();
        private final long deadline;
        private final Runnable onTimeout;
        private final BooleanSupplier defer;
        private final Runnable onDeferred;
        private final CountDownLatch answered = new CountDownLatch(1);
        private boolean expired;
        private boolean done;
        private boolean deferred;

        private Ticket(long budgetMillis, Runnable onTimeout, BooleanSupplier defer, Runnable onDeferred) {
            this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis);
            this.onTimeout = onTimeout;
            this.defer = defer;
            this.onDeferred = onDeferred;
        }

        /**
         * Ends the watch; call in the handler's thread when the handler returned or threw.
         *
         * @return true if the handler finished within its budget; false if the watchdog answered
         *     (the interrupt it sent is cleared from this thread)
         */
        boolean finish() {
            running.remove(this);
            synchronized (this) {
                if (!expired) {
                    done = true;
                    return true;
                }
            }
            // let the watchdog write its answer and send its interrupt, then clear that interrupt
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
            while (answered.getCount() > 0 && until - System.nanoTime() > 0) {
                try {
                    answered.await(until - System.nanoTime(), TimeUnit.NANOSECONDS);
                } catch (InterruptedException ours) {
                    // the watchdog's interrupt: keep waiting for its answer
                }
            }
            Thread.interrupted();
            return false;
        }

        private void expire() {
            synchronized (this) {
                if (done || expired) {
                    return;
                }
                if (defer.getAsBoolean()) {
                    // the outcome is not known yet (an open transaction): look again at the next tick
                    if (!deferred) {
                        deferred = true;
                        onDeferred.run();
                    }
                    return;
                }
                expired = true;
            }
            running.remove(this);
            try {
                onTimeout.run(); // logs where the handler is stuck, answers the client
            } catch (RuntimeException e) {
                LOG.error("answering a timed-out request failed", e);
            } finally {
                handler.interrupt();
                answered.countDown();
            }
        }
    }

    Ticket watch(long budgetMillis, Runnable onTimeout) {
        return watch(budgetMillis, onTimeout, () -> false, () -> { });
    }

    /**
     * Watches the current thread; at the deadline, while {@code defer} says so, the timeout waits
     * ({@code onDeferred} runs once when it starts waiting) and the handler's own outcome is the answer.
     */
    Ticket watch(long budgetMillis, Runnable onTimeout, BooleanSupplier defer, Runnable onDeferred) {
        tickMillis = Math.max(10, Math.min(100, budgetMillis / 10));
        Ticket ticket = new Ticket(budgetMillis, onTimeout, defer, onDeferred);
        running.add(ticket);
        if (!started) {
            ensureRunning();
        }
        return ticket;
    }

    int watched() {
        return running.size();
    }

    private synchronized void ensureRunning() {
        if (thread == null && !closed) {
            thread = new Thread(this::scan, "mosaic-http-watchdog");
            thread.setDaemon(true);
            thread.start();
            started = true;
        }
    }

    private void scan() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(tickMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = System.nanoTime();
            for (Ticket ticket : running) {
                if (now - ticket.deadline >= 0) {
                    ticket.expire();
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        Thread stopping;
        synchronized (this) {
            closed = true;
            stopping = thread;
            thread = null;
        }
        if (stopping != null) {
            stopping.interrupt();
            stopping.join(5000);
        }
    }
}
