package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sizes Jetty's request thread pool by Little's law: threads needed L = λ × W, with λ the request
 * rate and W the mean time in the server. With platform-monitoring, L is the sum over routes of
 * rate × mean time; without, it is the busy plus queued threads averaged while the server was busy.
 */
final class ThreadSizing {
    static final String PID = "io.mosaic.crm.http";
    private static final int MAX_THREADS = 2000;

    private ThreadSizing() {
    }

    static Optional<Advice> advise(List<Sample> samples, Optional<MetricsReader> metrics, double headroom) {
        if (samples.isEmpty()) {
            return Optional.empty();
        }
        int current = samples.get(samples.size() - 1).httpMax();
        Window w = Window.of(samples, Sample::httpDemand, Sample::httpQueue);
        double rate = 0;
        double little = 0;
        for (MetricsReader.Timing t : metrics.map(m -> m.timers("http.server.requests")).orElse(Map.of()).values()) {
            rate += t.ratePerSecond();
            little += t.ratePerSecond() * t.meanMillis() / 1000;
        }
        boolean queued = w.busySamples() >= 2 && w.queuedShare() >= 0.2 && w.meanQueued() >= 1;
        boolean nearMax = current > 0 && w.busySamples() >= 2 && w.meanDemand() >= 0.9 * current;
        if (current <= 0 || !(queued || nearMax)) {
            return Optional.empty();
        }
        double demand = Math.max(w.meanDemand(), little);
        int needed = (int) Math.ceil(demand * headroom);
        int recommended = Math.min(MAX_THREADS, Math.max(current + 1, needed));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("samples", w.samples());
        evidence.put("busySamples", w.busySamples());
        evidence.put("meanBusyPlusQueued", Window.round1(w.meanDemand()));
        evidence.put("meanQueued", Window.round1(w.meanQueued()));
        evidence.put("maxThreads", current);
        evidence.put("headroom", headroom);
        String reason = String.format(Locale.ROOT,
                "While serving (%d of %d samples) %.1f request threads were busy or jobs queued on average (%.1f queued). "
                        + "Little's law: L × %.2f headroom = %d threads needed, the pool allows %d.",
                w.busySamples(), w.samples(), w.meanDemand(), w.meanQueued(), headroom, needed, current);
        if (rate > 0) {
            evidence.put("requestsPerSecond", Window.round1(rate));
            evidence.put("littleL", Window.round1(little));
            reason += String.format(Locale.ROOT, " From the request timers: λ = %.1f req/s, Σ λ×W = %.1f.", rate, little);
        }
        return Optional.of(new Advice("http.threads.maxThreads", queued ? "warning" : "info",
                new Advice.Target(PID, "maxThreads"), current, recommended, reason, evidence));
    }
}
