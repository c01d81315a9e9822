package io.mosaic.crm.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns series into outcomes: the goal check, failures, and a reading of what limited the result. */
final class Verdicts {
    private static final int CORES = Runtime.getRuntime().availableProcessors();

    private Verdicts() {
    }

    /** Goal: Mosaic's median rate is at least {@code minRatio} of the baseline's. */
    static Outcome ratio(Scenario s, Series mosaic, Series baseline, double minRatio, List<String> notes) {
        double ratio = mosaic.rate() / baseline.rate();
        List<String> all = new ArrayList<>(notes);
        boolean clean = failures(mosaic, all) & failures(baseline, all);
        String verdict = clean && ratio >= minRatio ? "PASS" : "MISS";
        return new Outcome(s.id(), s.title(), s.goal(), mosaic, baseline, round(ratio), List.of(), verdict,
                limitedBy(mosaic), all);
    }

    /** Goal: Mosaic's median p95 is below {@code maxP95Ms}. */
    static Outcome latency(Scenario s, Series mosaic, double maxP95Ms, List<String> notes) {
        List<String> all = new ArrayList<>(notes);
        boolean clean = failures(mosaic, all);
        String verdict = clean && mosaic.p95() < maxP95Ms ? "PASS" : "MISS";
        return new Outcome(s.id(), s.title(), s.goal(), mosaic, null, null, List.of(), verdict, limitedBy(mosaic), all);
    }

    private static boolean failures(Series series, List<String> notes) {
        if (series.failed() > 0) {
            notes.add(series.label() + ": " + series.failed() + " of " + series.requests()
                    + " requests failed (socket error, timeout or non-2xx)");
            return false;
        }
        return true;
    }

    /**
     * Average cores used while measuring, per process; "other" is the rest of the machine's busy time (the load
     * generator, mostly). The dominant consumer is named; a machine far from busy means waiting (locks, I/O, latency).
     */
    static String limitedBy(Series series) {
        Map<String, Double> cores = series.cpuCores();
        double machine = cores.getOrDefault("machine", 0.0);
        double known = cores.entrySet().stream().filter(e -> !e.getKey().equals("machine"))
                .mapToDouble(Map.Entry::getValue).sum();
        StringBuilder sb = new StringBuilder();
        cores.forEach((name, v) -> {
            if (!name.equals("machine") && v >= 0.01) {
                sb.append(sb.isEmpty() ? "" : ", ").append(name).append(' ').append(String.format("%.2f", v));
            }
        });
        double other = Math.max(0, machine - known);
        sb.append(", other (load generator) ").append(String.format("%.2f", other));
        String top = cores.entrySet().stream().filter(e -> !e.getKey().equals("machine"))
                .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("?");
        double topValue = cores.getOrDefault(top, 0.0);
        if (other > topValue) {
            top = "load generator";
        }
        String reading = machine >= 0.85 * CORES ? "CPU-bound (machine saturated; largest user: " + top + ")"
                : machine < 0.5 * CORES ? "not CPU-bound (waiting: DB round trips, locks or I/O)"
                : "partly CPU-bound (largest user: " + top + ")";
        return reading + "; cores used: " + sb + " of " + CORES;
    }

    static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
