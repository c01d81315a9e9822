package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.process.ProcStat;
import java.util.ArrayList;
import java.util.List;

/**
 * Restarts Mosaic (same data, MariaDB data files already initialised) and reads the launcher's own figure for
 * "serving HTTP after the database was up", plus the JVM's resident memory one second after it serves.
 */
public final class Boot implements Scenario {
    @Override
    public String id() {
        return "boot";
    }

    @Override
    public String title() {
        return "Boot to serving (MariaDB already up) / RSS after boot";
    }

    @Override
    public String goal() {
        return "< 1.5 s / < 300 MB";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        int boots = ctx.profile.boots();
        double rssUnderLoad = ProcStat.rssMiB(ctx.mosaic.pid());
        double firstBoot = ctx.mosaic.bootMillisAfterDatabase().orElse(-1);
        double[] bootMs = new double[boots];
        double[] wallMs = new double[boots];
        double[] rss = new double[boots];
        for (int i = 0; i < boots; i++) {
            ctx.mosaic.stop();
            long t0 = System.nanoTime();
            try {
                ctx.mosaic.start();
            } catch (Exception e) {
                Outcome failed = Outcome.error(this, e);
                List<String> notes = new ArrayList<>(failed.notes());
                notes.add(0, "restart " + (i + 1) + " of " + boots + " failed");
                return new Outcome(id(), title(), goal(), null, null, null, List.of(
                        new Outcome.Figure("first start (empty database, migrations included)", "ms", firstBoot, firstBoot, firstBoot),
                        new Outcome.Figure("RSS of the Mosaic JVM after the load scenarios", "MiB", rssUnderLoad, rssUnderLoad,
                                rssUnderLoad)), "ERROR", "", notes);
            }
            wallMs[i] = (System.nanoTime() - t0) / 1e6;
            bootMs[i] = ctx.mosaic.bootMillisAfterDatabase()
                    .orElseThrow(() -> new IllegalStateException("the launcher logged no boot time")) ;
            Thread.sleep(1000);
            rss[i] = ProcStat.rssMiB(ctx.mosaic.pid());
            ctx.log.accept(String.format("  boot %d: %.0f ms after MariaDB up, %.0f ms from process start, RSS %.0f MiB",
                    i + 1, bootMs[i], wallMs[i], rss[i]));
        }
        var boot = Outcome.Figure.of("boot to serving after MariaDB up", "ms", bootMs);
        var rssAfter = Outcome.Figure.of("RSS of the Mosaic JVM 1 s after boot", "MiB", rss);
        List<Outcome.Figure> figures = new ArrayList<>(List.of(boot, rssAfter,
                Outcome.Figure.of("process start to serving (incl. MariaDB start)", "ms", wallMs),
                Outcome.Figure.of("RSS of the Mosaic JVM after the load scenarios", "MiB", new double[] {rssUnderLoad}),
                Outcome.Figure.of("first start (empty database, migrations included)", "ms", new double[] {firstBoot})));
        String verdict = boot.median() < 1500 && rssAfter.median() < 300 ? "PASS" : "MISS";
        return new Outcome(id(), title(), goal(), null, null, null, figures, verdict,
                "start-up is single-threaded class loading, bundle resolution and DS activation; RSS is the JVM's heap "
                        + "(-Xms64m, grows with use) plus metaspace and code cache",
                List.of(boots + " restarts; MB = MiB; JVM options as shipped in bin/mosaic; the embedded mariadbd's "
                        + "own memory is not included"));
    }
}
