package io.mosaic.crm.bench;

import io.mosaic.crm.bench.data.BulkInserter;
import io.mosaic.crm.bench.data.DataSet;
import io.mosaic.crm.bench.load.LoadGenerator;
import io.mosaic.crm.bench.load.LoadGenerators;
import io.mosaic.crm.bench.process.DistributionCopy;
import io.mosaic.crm.bench.process.MosaicProcess;
import io.mosaic.crm.bench.profile.HotSpots;
import io.mosaic.crm.bench.report.MachineFacts;
import io.mosaic.crm.bench.report.Report;
import io.mosaic.crm.bench.report.Results;
import io.mosaic.crm.bench.scenario.BenchContext;
import io.mosaic.crm.bench.scenario.Boot;
import io.mosaic.crm.bench.scenario.BulkLoad;
import io.mosaic.crm.bench.scenario.CachedGet;
import io.mosaic.crm.bench.scenario.ContactSearch;
import io.mosaic.crm.bench.scenario.CreateContact;
import io.mosaic.crm.bench.scenario.KeysetList;
import io.mosaic.crm.bench.scenario.MonitoringOverhead;
import io.mosaic.crm.bench.scenario.ImportExport;
import io.mosaic.crm.bench.scenario.ReportsAggregate;
import io.mosaic.crm.bench.scenario.SalesForecast;
import io.mosaic.crm.bench.scenario.Outcome;
import io.mosaic.crm.bench.scenario.Scenario;
import io.mosaic.crm.bench.scenario.UncachedGet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./crm bench [quick|full] [scenario...]} ({@code ./crm bench report}: only rewrite the report): starts a private copy of the distribution, generates data, runs
 * the scenarios against their baselines, stops everything, writes {@code bench/results/<date>-<profile>.json} and
 * {@code docs/benchmarks.md} under {@code -Dmosaic.root} (the distribution: {@code -Dmosaic.dist}, default
 * {@code runtime/target/mosaic}). Exit status 0 when every scenario ran (PASS or MISS), 1 when one could not run.
 */
public final class Bench {
    static final long SEED = 20_251_123L;
    // bulk-load first (the freshly generated tables are idle), boot last (it restarts Mosaic)
    static final List<Scenario> ALL = List.of(new BulkLoad(), new CachedGet(), new UncachedGet(),
            new MonitoringOverhead(), new ContactSearch(), new KeysetList(), new CreateContact(), new SalesForecast(),
            new ReportsAggregate(), new ImportExport(), new Boot());

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("mosaic.root", ".")).toAbsolutePath().normalize();
        if (args.length == 2 && args[0].equals("hotspots")) {    // re-analyse the flight recordings of a run
            System.out.print(HotSpots.write(Path.of(args[1])));
            return;
        }
        if (args.length == 1 && args[0].equals("report")) {        // only rewrite docs/benchmarks.md from stored runs
            Report.write(root.resolve("docs/benchmarks.md"), Results.readAll(root.resolve("bench/results")));
            return;
        }
        Profile profile = Profile.FULL;
        List<Scenario> selected = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("quick") || arg.equals("full")) {
                profile = Profile.named(arg);
            } else {
                selected.add(ALL.stream().filter(s -> s.id().equals(arg)).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("unknown scenario " + arg + "; known: "
                                + ALL.stream().map(Scenario::id).toList())));
            }
        }
        if (selected.isEmpty()) {
            selected.addAll(ALL);
        }
        String command = ("./crm bench " + String.join(" ", args)).trim();
        System.exit(run(root, profile, selected, command) ? 0 : 1);
    }

    static boolean run(Path root, Profile profile, List<Scenario> scenarios, String command) throws Exception {
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Path workDir = Files.createTempDirectory("mosaic-bench");
        Path dist = Path.of(System.getProperty("mosaic.dist", root.resolve("runtime/target/mosaic").toString()));
        MosaicProcess mosaic = MosaicProcess.copyOf(dist.toAbsolutePath().normalize(), workDir);
        Path jfr = recordings(root, started);
        if (jfr != null && "async".equalsIgnoreCase(System.getenv("MOSAIC_BENCH_JFR"))) {
            mosaic.recordTo(jfr, asyncProfilerAgent(jfr));
        } else if (jfr != null) {
            mosaic.recordTo(jfr);
        }
        Thread cleanup = new Thread(() -> stopQuietly(mosaic, workDir), "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<Outcome> outcomes = new ArrayList<>();
        List<BulkInserter.Loaded> generation = List.of();
        String mariaDb = "?";
        LoadGenerator load;
        try {
            load = LoadGenerators.choose(workDir, Bench::log);
            log("profile " + profile.name() + ", load generator " + load.name() + ", work dir " + workDir);
            mosaic.start();
            log("Mosaic serving on " + mosaic.baseUrl() + " (" + mosaic.bootMillisAfterDatabase().orElse(-1) + " ms boot)");
            DataSet dataSet = new DataSet(SEED, profile.accounts(), profile.contacts());
            BenchContext ctx = new BenchContext(profile, load, mosaic, dataSet, workDir, Bench::log);
            Exception dataProblem = null;
            try (Connection c = ctx.connect()) {
                mariaDb = version(c);
                log(String.format("generating %,d accounts and %,d contacts (seed %d)", profile.accounts(),
                        profile.contacts(), SEED));
                ctx.data(dataSet.generate(c, Bench::log));
                generation = ctx.data().loads();
                generation.forEach(l -> log(String.format("  %s: %,d rows in %.1f s (%,.0f rows/s) into %s",
                        l.entity(), l.rows(), l.seconds(), l.rowsPerSecond(), l.table())));
            } catch (Exception e) {
                dataProblem = e;
                log("data generation failed: " + e);
            }
            for (Scenario s : scenarios) {
                log("== " + s.id() + ": " + s.title() + " (goal " + s.goal() + ")");
                Outcome o;
                try {
                    if (dataProblem != null && !(s instanceof Boot)) {
                        throw new IllegalStateException("no data: " + dataProblem.getMessage(), dataProblem);
                    }
                    Instant from = Instant.now();
                    try {
                        o = s.run(ctx);
                    } finally {
                        if (jfr != null) {
                            HotSpots.window(jfr, s.id(), from, Instant.now());
                        }
                    }
                } catch (Exception e) {
                    String detail = String.valueOf(e.getMessage());
                    log("   " + e.getClass().getSimpleName() + ": "
                            + (detail.length() > 4000 ? detail.substring(detail.length() - 4000) : detail));
                    o = Outcome.error(s, e);
                }
                outcomes.add(o);
                log(String.format("   %s %s%s", o.verdict(), o.ratio() == null ? "" : "ratio " + o.ratio() + " ",
                        o.verdict().equals("ERROR") ? o.notes() : ""));
            }
        } finally {
            Runtime.getRuntime().removeShutdownHook(cleanup);
            stopQuietly(mosaic, workDir);
        }
        Map<String, String> machine = MachineFacts.collect(root, mariaDb, load.name().equals("wrk")
                ? MachineFacts.run(root, "sh", "-c", "wrk -v 2>&1 | head -1 | cut -d' ' -f1,2") : "Java closed-loop generator");
        if (jfr != null) {
            machine = new java.util.LinkedHashMap<>(machine);
            machine.put("profiling", "Mosaic ran under " + ("async".equalsIgnoreCase(System.getenv("MOSAIC_BENCH_JFR"))
                    ? "async-profiler" : "Java Flight Recorder") + " (MOSAIC_BENCH_JFR): its figures are slowed by it");
        }
        String date = started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        Results.Run run = new Results.Run(date, profile.name(), command, machine, SEED, generation, outcomes);
        String fileName = started.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")) + "-" + profile.name() + ".json";
        Path json = Results.write(root.resolve("bench/results"), fileName, run);
        Report.write(root.resolve("docs/benchmarks.md"), Results.readAll(root.resolve("bench/results")));
        log("results: " + root.relativize(json) + ", report: docs/benchmarks.md");
        if (jfr != null) {
            try {
                HotSpots.write(jfr);
                log("flight recordings and hot spots per scenario: " + jfr + "/hotspots.txt");
            } catch (Exception e) {
                log("could not analyse the flight recordings in " + jfr + ": " + e);
            }
        }
        outcomes.forEach(o -> log(String.format("  %-5s %-15s %s", o.verdict(), o.id(), o.goal())));
        return outcomes.stream().noneMatch(o -> o.verdict().equals("ERROR"));
    }

    /**
     * {@code MOSAIC_BENCH_JFR=1}: record Mosaic with Java Flight Recorder, {@code MOSAIC_BENCH_JFR=async}: sample it
     * with async-profiler (CPU time, every 2 ms; far more samples than JFR's, which skips threads outside Java code),
     * into {@code bench/target/jfr/<date>/}; {@code HotSpots} then tells where each scenario's time went. Costs Mosaic
     * a few percent of its speed: for finding hot spots, not for figures.
     */
    private static Path recordings(Path root, ZonedDateTime started) {
        String setting = System.getenv("MOSAIC_BENCH_JFR");
        if (setting == null || setting.isBlank() || setting.equals("0") || setting.equalsIgnoreCase("false")) {
            return null;
        }
        return root.resolve("bench/target/jfr").resolve(started.format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
    }

    /** async-profiler's Linux x64 agent, from the jar on the class path (Maven Central: tools.profiler:async-profiler). */
    private static Path asyncProfilerAgent(Path dir) throws java.io.IOException {
        Path agent = dir.resolve("libasyncProfiler.so");
        try (var in = Bench.class.getResourceAsStream("/linux-x64/libasyncProfiler.so")) {
            if (in == null) {
                throw new IllegalStateException("async-profiler is not on the class path");
            }
            Files.createDirectories(dir);
            Files.copy(in, agent, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return agent;
    }

    private static String version(Connection c) throws Exception {
        try (ResultSet rs = c.createStatement().executeQuery("SELECT VERSION()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void stopQuietly(MosaicProcess mosaic, Path workDir) {
        try {
            mosaic.stop();
        } catch (Exception e) {
            log("stopping Mosaic failed: " + e);
        }
        try {
            DistributionCopy.delete(workDir);
        } catch (Exception e) {
            log("could not delete " + workDir + ": " + e);
        }
    }

    static void log(String message) {
        System.out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
        System.out.flush();
    }
}
