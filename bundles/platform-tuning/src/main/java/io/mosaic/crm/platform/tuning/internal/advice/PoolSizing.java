package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sizes the database pool by Little's law: connections needed L = λ × W, with λ the rate of
 * connection acquisitions and W the time a caller spends in the pool (waiting plus using the
 * connection). L is measured directly as the connections in use plus the callers waiting,
 * averaged while the pool was busy; with platform-monitoring, λ and the wait W_wait are shown too.
 */
final class PoolSizing {
    static final String PID = "io.mosaic.crm.db";
    private static final int MAX_POOL = 500;

    private PoolSizing() {
    }

    static Optional<Advice> advise(List<Sample> samples, Optional<MetricsReader> metrics, double headroom) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        Sample last = samples.get(samples.size() - 1);
        int current = last.dbMax();
        long timeout = last.dbTimeoutMillis();
        Window w = Window.of(samples, Sample::dbDemand, Sample::dbPending);
        MetricsReader.Timing acquire = metrics.map(m -> m.timers("db.pool.acquire").get("db.pool.acquire")).orElse(null);
        MetricsReader.Rate timeouts = metrics.map(m -> m.meters("db.pool.timeouts").get("db.pool.timeouts")).orElse(null);
        boolean timingOut = timeouts != null && timeouts.ratePerSecond() > 0.001;
        boolean waiting = w.busySamples() >= 2 && w.queuedShare() >= 0.2 && w.meanQueued() >= 0.5;
        if (current <= 0 || !(waiting || timingOut)) {
            return Optional.empty();
        }
        int needed = (int) Math.ceil(w.meanDemand() * headroom);
        int recommended = Math.min(MAX_POOL, Math.max(current + 1, Math.max(needed, w.peakDemand())));
        boolean nearTimeout = acquire != null && timeout > 0 && acquire.p95Millis() >= 0.5 * timeout;
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("samples", w.samples());
        evidence.put("busySamples", w.busySamples());
        evidence.put("meanInUsePlusWaiting", Window.round1(w.meanDemand()));
        evidence.put("meanWaiting", Window.round1(w.meanQueued()));
        evidence.put("shareOfSamplesWithWaiters", Window.round1(w.queuedShare() * 100) + "%");
        evidence.put("peakInUsePlusWaiting", w.peakDemand());
        evidence.put("maximumPoolSize", current);
        evidence.put("headroom", headroom);
        StringBuilder reason = new StringBuilder(String.format(java.util.Locale.ROOT,
                "While the pool was busy (%d of %d samples), %.1f connections were in use or waited for on average "
                        + "(%.1f callers waiting; waiters in %.0f%% of the samples, peak %d). By Little's law that is the "
                        + "concurrency L = λ × W the pool must hold: L × %.2f headroom = %d connections, but it holds %d.",
                w.busySamples(), w.samples(), w.meanDemand(), w.meanQueued(), w.queuedShare() * 100, w.peakDemand(),
                headroom, needed, current));
        if (acquire != null && acquire.ratePerSecond() > 0) {
            double inUse = Math.max(0, w.meanDemand() - w.meanQueued());
            double usageMillis = inUse / acquire.ratePerSecond() * 1000;
            evidence.put("acquisitionsPerSecond", Window.round1(acquire.ratePerSecond()));
            evidence.put("meanWaitMillis", Window.round1(acquire.meanMillis()));
            evidence.put("p95WaitMillis", Window.round1(acquire.p95Millis()));
            evidence.put("meanUseMillis", Window.round1(usageMillis));
            reason.append(String.format(java.util.Locale.ROOT,
                    " From the pool timers (one-minute rate, which lags a short burst): λ = %.1f acquisitions/s, W = %.0f ms wait + %.0f ms use → L = %.1f.",
                    acquire.ratePerSecond(), acquire.meanMillis(), usageMillis,
                    acquire.ratePerSecond() * (acquire.meanMillis() + usageMillis) / 1000));
        }
        if (acquire != null && timeout > 0) {
            reason.append(String.format(java.util.Locale.ROOT, " Acquire p95 %.0f ms vs connectionTimeout %d ms.",
                    acquire.p95Millis(), timeout));
        }
        if (timeouts != null) {
            evidence.put("acquireTimeouts", timeouts.count());
            evidence.put("acquireTimeoutsPerSecond", Window.round1(timeouts.ratePerSecond()));
            if (timingOut) {
                reason.append(String.format(java.util.Locale.ROOT, " %d callers timed out waiting (%.2f/s).",
                        timeouts.count(), timeouts.ratePerSecond()));
            }
        }
        evidence.put("connectionTimeoutMillis", timeout);
        String severity = timingOut || nearTimeout ? "critical" : "warning";
        return Optional.of(new Advice("db.pool.maximumPoolSize", severity, new Advice.Target(PID, "maximumPoolSize"),
                current, recommended, reason.toString(), evidence));
    }
}
