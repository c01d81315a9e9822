package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.load.Measurement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The repetitions of one side of a scenario and their summary: the median rate and its spread (min..max), median
 * latencies, total failures, and how many CPU cores each process used on average while measured.
 */
public record Series(String label, List<Measurement> runs, Map<String, Double> cpuCores) {

    public double rate() {
        return median(Measurement::perSecond);
    }

    public double minRate() {
        return runs.stream().mapToDouble(Measurement::perSecond).min().orElse(Double.NaN);
    }

    public double maxRate() {
        return runs.stream().mapToDouble(Measurement::perSecond).max().orElse(Double.NaN);
    }

    /** Spread of the rate as ± half the range, in percent of the median. */
    public double spreadPercent() {
        return (maxRate() - minRate()) / 2 / rate() * 100;
    }

    public double p50() {
        return median(Measurement::p50Ms);
    }

    public double p95() {
        return median(Measurement::p95Ms);
    }

    public double p99() {
        return median(Measurement::p99Ms);
    }

    public double minP95() {
        return runs.stream().mapToDouble(Measurement::p95Ms).min().orElse(Double.NaN);
    }

    public double maxP95() {
        return runs.stream().mapToDouble(Measurement::p95Ms).max().orElse(Double.NaN);
    }

    public long failed() {
        return runs.stream().mapToLong(Measurement::failed).sum();
    }

    public long requests() {
        return runs.stream().mapToLong(Measurement::requests).sum();
    }

    public double median(ToDoubleFunction<Measurement> f) {
        double[] v = runs.stream().mapToDouble(f).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    static double medianOf(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
