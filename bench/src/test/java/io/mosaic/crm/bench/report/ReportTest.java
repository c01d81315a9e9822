package io.mosaic.crm.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.bench.data.BulkInserter;
import io.mosaic.crm.bench.load.Measurement;
import io.mosaic.crm.bench.scenario.Outcome;
import io.mosaic.crm.bench.scenario.Series;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw JSON round trip and the generated docs/benchmarks.md. */
class ReportTest {
    @TempDir
    Path dir;

    @Test
    void report_shows_every_scenario_with_figures_ratio_and_verdict_and_later_runs_replace_earlier_ones() throws Exception {
        Results.write(dir, "20250101T000000Z-quick.json", run("2025-01-01T00:00:00Z", "quick", 1000, "MISS"));
        Results.write(dir, "20250102T000000Z-full.json", run("2025-01-02T00:00:00Z", "full", 9000, "PASS"));
        Path md = dir.resolve("docs/benchmarks.md");

        Report.write(md, Results.readAll(dir));

        String text = Files.readString(md);
        assertThat(text).contains("| Cached GET | >= 0.85x req/s | 9,000 req/s, p95 2.00 ms | 10,000 req/s, p95 1.00 ms | 0.90× | **PASS** | 2025-01-02T00:00:00Z (full) |");
        assertThat(text).doesNotContain("(quick) |");
        assertThat(text).contains("| p50 / p95 / p99 ms (medians) | 1.00 / 2.00 / 3.00 | 0.50 / 1.00 / 1.50 |");
        assertThat(text).contains("| boot to serving | 900 ms | 800–1,000 ms |");
        assertThat(text).contains("Limited by: CPU-bound");
        assertThat(text).contains("- cpu: Test CPU");
        assertThat(text).contains("1,000,000 accounts in 20.0 s");
    }

    @Test
    void failed_requests_and_missing_latencies_are_shown_not_hidden() throws Exception {
        Series bulk = new Series("generator", List.of(Measurement.rate(1000, 1), Measurement.rate(1000, 2)), Map.of());
        Outcome o = new Outcome("bulk-load", "Bulk", "fast", bulk, null, null, List.of(), "MISS", "", List.of("3 failed"));
        Results.write(dir, "20250103T000000Z-quick.json", new Results.Run("2025-01-03T00:00:00Z", "quick", "./crm bench quick",
                Map.of(), 7, List.of(), List.of(o)));

        Report.write(dir.resolve("b.md"), Results.readAll(dir));

        String text = Files.readString(dir.resolve("b.md"));
        assertThat(text).contains("| rows/s (median, min–max) | 750 (500–1,000, ±33.3 %) |");
        assertThat(text).doesNotContain("NaN").contains("- 3 failed");
    }

    @Test
    void cached_and_uncached_get_of_the_same_run_are_compared_on_mosaics_side() throws Exception {
        Series cached = new Series("mosaic", List.of(new Measurement(9_000, 1, 0, 1, 2, 3, 4)), Map.of());
        Series uncached = new Series("mosaic", List.of(new Measurement(3_000, 1, 0, 1, 2, 3, 4)), Map.of());
        Outcome a = new Outcome("cached-get", "Cached", "g", cached, null, null, List.of(), "PASS", "", List.of());
        Outcome b = new Outcome("uncached-get", "Uncached", "g", uncached, null, null, List.of(), "PASS", "", List.of());
        Results.write(dir, "20250104T000000Z-quick.json", new Results.Run("2025-01-04T00:00:00Z", "quick",
                "./crm bench quick", Map.of(), 7, List.of(), List.of(a, b)));

        Report.write(dir.resolve("c.md"), Results.readAll(dir));

        assertThat(Files.readString(dir.resolve("c.md")))
                .contains("cached GET 9,000 req/s, uncached 3,000 req/s: **3.00×**")
                .contains("## What limits each result");
    }

    private static Results.Run run(String date, String profile, double mosaicRate, String verdict) {
        Series mosaic = new Series("mosaic", List.of(new Measurement((long) mosaicRate, 1, 0, 1, 2, 3, 4)),
                Map.of("mosaic", 1.2, "machine", 1.9));
        Series jetty = new Series("jetty", List.of(new Measurement(10_000, 1, 0, 0.5, 1, 1.5, 2)), Map.of("machine", 1.9));
        Outcome get = new Outcome("cached-get", "Cached GET", ">= 0.85x req/s", mosaic, jetty, mosaicRate / 10_000,
                List.of(), verdict, "CPU-bound (machine saturated)", List.of("100 hot ids"));
        Outcome boot = new Outcome("boot", "Boot", "< 1.5 s", null, null, null,
                List.of(Outcome.Figure.of("boot to serving", "ms", new double[] {800, 900, 1000})), verdict, "", List.of());
        return new Results.Run(date, profile, "./crm bench " + profile, Map.of("cpu", "Test CPU"), 7,
                List.of(new BulkInserter.Loaded("accounts", "accounts", 1_000_000, 20)), List.of(get, boot));
    }
}
