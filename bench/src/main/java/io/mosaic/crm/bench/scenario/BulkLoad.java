package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.data.BulkInserter;
import io.mosaic.crm.bench.data.LoadDataFile;
import io.mosaic.crm.bench.data.RowSource;
import io.mosaic.crm.bench.load.Measurement;
import io.mosaic.crm.bench.process.ProcStat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generator's bulk path (multi-row INSERTs, 1,000 rows per transaction) against MariaDB's
 * {@code LOAD DATA LOCAL INFILE} of the same contact rows, each into a freshly truncated copy of the contacts table
 * ({@code CREATE TABLE ... LIKE}: same columns and indexes, no foreign keys).
 */
public final class BulkLoad implements Scenario {
    @Override
    public String id() {
        return "bulk-load";
    }

    @Override
    public String title() {
        return "Bulk load: generator's batched inserts vs LOAD DATA LOCAL INFILE";
    }

    @Override
    public String goal() {
        return "1M rows in minutes (>= 3,334 rows/s)";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        long rows = ctx.profile.bulkRows();
        String table = ctx.data().loads().get(1).table();
        String copy = "bench_bulk_" + table;
        RowSource source = ctx.dataSet.contactRows(ctx.dataSet.sample(ctx.data().accountIds(), 10_000, 5), ctx.data().ownerIds());
        Path tsv = ctx.workDir.resolve(copy + ".tsv");
        Map<String, Long> pids = ctx.watched(null);
        try (Connection c = ctx.connect(); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS `" + copy + "`");
            st.execute("CREATE TABLE `" + copy + "` LIKE `" + table + "`");
            List<String> columns = LoadDataFile.columns(c, source, copy);
            LoadDataFile.writeTsv(tsv, source, columns, rows);
            BulkInserter inserter = new BulkInserter(BulkInserter.DEFAULT_BATCH_ROWS);
            inserter.insertInto(c, source, List.of(copy), Math.min(rows, 20_000), m -> { });   // warm-up
            List<Measurement> generator = new ArrayList<>();
            List<Measurement> loadData = new ArrayList<>();
            Map<String, Double> genCpu = new LinkedHashMap<>();
            Map<String, Double> loadCpu = new LinkedHashMap<>();
            for (int rep = 0; rep < 3; rep++) {
                for (int k = 0; k < 2; k++) {
                    boolean gen = (rep + k) % 2 == 0;
                    st.execute("TRUNCATE TABLE `" + copy + "`");
                    Map<String, Double> before = cpu(pids);
                    long t0 = System.nanoTime();
                    if (gen) {
                        inserter.insertInto(c, source, List.of(copy), rows, m -> { });
                    } else {
                        LoadDataFile.load(c, tsv, copy, columns);
                    }
                    double seconds = (System.nanoTime() - t0) / 1e9;
                    Measurement m = Measurement.rate(rows, seconds);
                    (gen ? generator : loadData).add(m);
                    Map<String, Double> after = cpu(pids);
                    after.forEach((name, v) -> (gen ? genCpu : loadCpu).merge(name, (v - before.get(name)) / seconds / 3, Double::sum));
                    ctx.log.accept(String.format("  run %d   %-9s %,10.0f rows/s", rep + 1, gen ? "generator" : "load-data",
                            m.perSecond()));
                }
            }
            st.execute("DROP TABLE `" + copy + "`");
            Series mosaic = new Series("generator", generator, rounded(genCpu));
            Series baseline = new Series("load-data", loadData, rounded(loadCpu));
            List<Outcome.Figure> figures = new ArrayList<>();
            for (BulkInserter.Loaded l : ctx.data().loads()) {
                figures.add(new Outcome.Figure("initial generation of " + l.rows() + " " + l.entity(), "rows/s",
                        l.rowsPerSecond(), l.rowsPerSecond(), l.rowsPerSecond()));
            }
            String verdict = mosaic.rate() >= 3334 ? "PASS" : "MISS";
            return new Outcome(id(), title(), goal(), mosaic, baseline, Verdicts.round(mosaic.rate() / baseline.rate()),
                    figures, verdict, Verdicts.limitedBy(mosaic), List.of(rows + " contact rows per run, 3 runs each, "
                    + "one connection; LOAD DATA timed without writing its file"));
        } finally {
            Files.deleteIfExists(tsv);
        }
    }

    private static Map<String, Double> cpu(Map<String, Long> pids) {
        Map<String, Double> now = new LinkedHashMap<>();
        pids.forEach((name, pid) -> now.put(name, ProcStat.cpuSeconds(pid)));
        now.put("machine", ProcStat.machineBusySeconds());
        return now;
    }

    private static Map<String, Double> rounded(Map<String, Double> cores) {
        Map<String, Double> out = new LinkedHashMap<>();
        cores.forEach((k, v) -> out.put(k, Math.round(v * 100) / 100.0));
        return out;
    }
}
