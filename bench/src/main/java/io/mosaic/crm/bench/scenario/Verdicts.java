package io.mosaic.crm.bench.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns series into outcomes: the goal check, failures, and a reading of what limited the result. */
final class Verdicts {
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Widest range of per-repetition ratios that still allows a verdict on a goal of a few percent. */
    static final double MAX_PAIRED_SPREAD = 0.10;

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

    /**
     * Goal: the median of the per-repetition ratios {@code a[i] / b[i]} is at least {@code minRatio}. The two runs
     * of a repetition are back to back, so drift of a busy machine cancels out better than in a ratio of medians.
     */
    static Outcome pairedRatio(Scenario s, Series a, Series b, double minRatio, List<String> notes) {
        int n = Math.min(a.runs().size(), b.runs().size());
        double[] ratios = new double[n];
        for (int i = 0; i < n; i++) {
            ratios[i] = a.runs().get(i).perSecond() / b.runs().get(i).perSecond();
        }
        double ratio = Series.medianOf(ratios);
        List<String> all = new ArrayList<>(notes);
        all.add(String.format(java.util.Locale.ROOT, "ratio = median of the %d per-repetition ratios %s (ratio of the "
                + "median rates: %.3f)", n, java.util.Arrays.stream(ratios).mapToObj(r -> String.format(java.util.Locale.ROOT,
                "%.3f", r)).toList(), a.rate() / b.rate()));
        boolean clean = failures(a, all) & failures(b, all);
        double spread = java.util.Arrays.stream(ratios).max().orElse(0) - java.util.Arrays.stream(ratios).min().orElse(0);
        boolean conclusive = spread <= MAX_PAIRED_SPREAD;
        if (!conclusive) {
            all.add(String.format(java.util.Locale.ROOT, "inconclusive: the per-repetition ratios spread over %.3f, more "
                    + "than %.2f, too noisy to judge a goal this fine; not a PASS (repeat on a quiet machine)", spread,
                    MAX_PAIRED_SPREAD));
        }
        String verdict = clean && conclusive && ratio >= minRatio ? "PASS" : "MISS";
        return new Outcome(s.id(), s.title(), s.goal(), a, b, round(ratio), List.of(), verdict, limitedBy(a), all);
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
