package io.mosaic.crm.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reports at scale: makes sure {@code mosaic.bench.opportunities} opportunities exist (loaded like sales-forecast
 * when that scenario did not run first), restarts Mosaic (and its MariaDB), then times the built-in pipeline
 * dashboard over HTTP cold (first call) and cached, and an ad-hoc report grouped by stage and month of close date
 * with sum and count over every row (each call a new limit, so no answer comes from the cache) against the same
 * SQL run over raw JDBC in the same run.
 */
public final class ReportsAggregate implements Scenario {
    private static final int RUNS = 20;
    static final String GROUPED = """
            SELECT r.stage AS c0, DATE_SUB(r.close_date, INTERVAL DAYOFMONTH(r.close_date) - 1 DAY) AS c1, r.currency AS c2,
                   SUM(r.amount) AS c3, COUNT(*) AS c4
              FROM sales_opportunities r WHERE (r.deleted_at IS NULL) GROUP BY c0, c1, c2 ORDER BY c0, c1, c2 LIMIT %d""";

    @Override
    public String id() {
        return "reports-aggregate";
    }

    @Override
    public String title() {
        return "Reports: pipeline dashboard and a two-level group-by over many opportunities";
    }

    @Override
    public String goal() {
        return "dashboard cold < 200 ms, cached < 5 ms; group-by p95 < 1 s cold";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        int rows = Integer.getInteger("mosaic.bench.opportunities", ctx.profile.name().equals("full") ? 1_000_000 : 200_000);
        long present;
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            present = count(s);
            if (present < rows) {
                c.setAutoCommit(false);
                for (long from = present + 1; from <= rows; from += SalesForecast.CHUNK) {
                    s.executeUpdate(SalesForecast.OPPORTUNITIES.formatted(from, Math.min(rows, from + SalesForecast.CHUNK - 1)));
                    c.commit();
                }
                c.setAutoCommit(true);
                s.execute("ANALYZE TABLE sales_opportunities");
                present = count(s);
            }
        }
        ctx.log.accept(String.format("  %,d opportunities; restarting Mosaic for a cold dashboard", present));
        ctx.mosaic.stop();
        ctx.mosaic.start();
        String auth = ctx.authorization();
        String base = ctx.mosaic.baseUrl() + "/api/reports";
        long dashboard = Http.getJson(base + "/dashboards?builtIn=sales", auth).path("items").get(0).path("id").asLong();
        String data = base + "/dashboards/" + dashboard + "/data";
        double cold = timed(() -> Http.getJson(data, auth));
        double[] cached = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            cached[i] = timed(() -> Http.getJson(data, auth));
        }
        double[] report = new double[RUNS];
        double[] jdbc = new double[RUNS];
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            for (int i = 0; i < RUNS; i++) {
                ObjectNode body = (ObjectNode) Http.JSON.readTree("{\"entity\":\"sales.opportunity\",\"groupBy\":[{\"field\":\"stage\"},"
                        + "{\"field\":\"closeDate\",\"bucket\":\"month\"}],\"measures\":[{\"fn\":\"sum\",\"field\":\"amount\"},{\"fn\":\"count\"}]}");
                body.put("limit", 10_000 - i);
                report[i] = timed(() -> Http.sendJson("POST", base + "/run", auth, body));
                int limit = 10_000 - i;
                jdbc[i] = timed(() -> {
                    try (ResultSet r = s.executeQuery(GROUPED.formatted(limit))) {
                        while (r.next()) {
                            r.getObject(4);
                        }
                    }
                    return null;
                });
            }
        }
        JsonNode sample = Http.getJson(data, auth);
        double p95 = p95(report);
        double p95Jdbc = p95(jdbc);
        List<String> notes = new ArrayList<>();
        notes.add(String.format("%,d opportunities; the dashboard has %d widgets (pipeline by stage, won revenue by month)",
                present, sample.path("widgets").size()));
        notes.add("group-by calls differ in their limit, so each misses the result cache; the database's buffer pool is warm"
                + " after the first; baseline = the same statement over raw JDBC, interleaved");
        notes.add(String.format("group-by p95: Mosaic %.0f ms, raw JDBC %.0f ms (ratio %.2f)", p95, p95Jdbc, p95 / p95Jdbc));
        var figures = List.of(
                new Outcome.Figure("pipeline dashboard, first after restart", "ms", cold, cold, cold),
                Outcome.Figure.of("pipeline dashboard, cached", "ms", cached),
                Outcome.Figure.of("report stage × month of close date, sum+count, uncached", "ms", report),
                Outcome.Figure.of("same SQL over raw JDBC", "ms", jdbc),
                new Outcome.Figure("report p95 / raw JDBC p95", "ms", p95, p95Jdbc, p95));
        String verdict = cold < 200 && Series.medianOf(cached) < 5 && p95 < 1000 ? "PASS" : "MISS";
        return new Outcome(id(), title(), goal(), null, null, null, figures, verdict,
                "a scan of every live opportunity: the GROUP BY reads the whole table (no index covers stage, close date,"
                        + " currency and amount)", notes);
    }

    private static long count(Statement s) throws Exception {
        try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM sales_opportunities")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static double p95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static double timed(Call call) throws Exception {
        long t0 = System.nanoTime();
        call.run();
        return (System.nanoTime() - t0) / 1e6;
    }
}
