package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.Profile;
import io.mosaic.crm.bench.load.Measurement;
import io.mosaic.crm.bench.process.ProcStat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs the two sides of a comparison the same way: a warm-up each, then the repetitions interleaved and in
 * alternating order (A B, B A, A B, ...) so that drift on a shared, noisy machine hits both sides alike. Watches the
 * CPU time of the processes involved while measuring.
 */
public final class Trial {
    private final Profile profile;
    private final Map<String, Long> watched;
    private final Consumer<String> log;

    /** @param watched processes whose CPU use is reported, by name (e.g. mosaic, mariadb, baseline, harness) */
    public Trial(Profile profile, Map<String, Long> watched, Consumer<String> log) {
        this.profile = profile;
        this.watched = watched;
        this.log = log;
    }

    /** One side: the workload and its label. */
    public record Side(String label, Workload workload) {
    }

    /** @return the series of {@code a}, then of {@code b} if given */
    public List<Series> run(String scenario, Side a, Side b) throws Exception {
        List<Side> sides = b == null ? List.of(a) : List.of(a, b);
        for (Side side : sides) {
            Measurement w = side.workload().measure(profile.warmup(), scenario + "-warm-" + side.label());
            log.accept(String.format("  warm-up %-8s %10.0f /s  failed %d", side.label(), w.perSecond(), w.failed()));
        }
        List<List<Measurement>> runs = new ArrayList<>();
        List<Map<String, Double>> cpu = new ArrayList<>();
        double[] wall = new double[sides.size()];
        for (int s = 0; s < sides.size(); s++) {
            runs.add(new ArrayList<>());
            cpu.add(new LinkedHashMap<>());
        }
        for (int rep = 0; rep < profile.repetitions(); rep++) {
            for (int k = 0; k < sides.size(); k++) {
                int s = rep % 2 == 0 ? k : sides.size() - 1 - k;
                Side side = sides.get(s);
                Map<String, Double> before = cpuNow();
                long t0 = System.nanoTime();
                Measurement m = side.workload().measure(profile.run(), scenario + "-" + rep + "-" + side.label());
                wall[s] += (System.nanoTime() - t0) / 1e9;
                Map<String, Double> after = cpuNow();
                after.forEach((name, v) -> cpu.get(s).merge(name, v - before.getOrDefault(name, 0.0), Double::sum));
                runs.get(s).add(m);
                log.accept(String.format("  run %d   %-8s %10.0f /s", rep + 1, side.label(), m.perSecond())
                        + (Double.isNaN(m.p95Ms()) ? "" : String.format("  p50 %7.2f  p95 %7.2f  p99 %7.2f ms",
                        m.p50Ms(), m.p95Ms(), m.p99Ms())) + "  failed " + m.failed());
            }
        }
        List<Series> result = new ArrayList<>();
        for (int s = 0; s < sides.size(); s++) {
            Map<String, Double> cores = new LinkedHashMap<>();
            double seconds = wall[s];
            cpu.get(s).forEach((name, v) -> cores.put(name, Math.round(v / seconds * 100) / 100.0));
            result.add(new Series(sides.get(s).label(), List.copyOf(runs.get(s)), cores));
        }
        return result;
    }

    private Map<String, Double> cpuNow() {
        Map<String, Double> now = new LinkedHashMap<>();
        watched.forEach((name, pid) -> now.put(name, ProcStat.cpuSeconds(pid)));
        now.put("machine", ProcStat.machineBusySeconds());
        return now;
    }
}
