package io.mosaic.crm.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Sales at scale: writes {@code mosaic.bench.opportunities} opportunities (default 1,000,000 in full, 200,000 in
 * quick) and one stage-history row each straight into the sales tables (INSERT … SELECT from MariaDB's sequence
 * engine, 100,000 rows per transaction), records the EXPLAIN of the opportunity list filtered by owner and stage
 * and sorted by close date and of the forecast's sum, then restarts Mosaic (and its MariaDB) and times the first
 * forecast of a quarter over HTTP (cold), then the same forecast warm, and the list.
 */
public final class SalesForecast implements Scenario {
    static final int CHUNK = 100_000;

    // 50 owners, stages spread like a real funnel, 10 % USD, close dates over 2026-2027 (a quarter holds ~1/8)
    static final String OPPORTUNITIES = """
            INSERT INTO sales_opportunities (name, account_id, amount, currency, close_date, pipeline_id, stage, probability,
                                             forecast_category, owner_id, created_at, updated_at)
            SELECT CONCAT('Bench deal ', seq), 1 + seq %% 1000, 1000 + (seq * 7919) %% 99000, IF(seq %% 10 = 0, 'USD', 'EUR'),
                   DATE_ADD('2026-01-01', INTERVAL seq %% 730 DAY), p.id,
                   ELT(1 + seq %% 6, 'prospecting', 'qualification', 'proposal', 'negotiation', 'closed_won', 'closed_lost'),
                   ELT(1 + seq %% 6, 10, 20, 50, 80, 100, 0),
                   ELT(1 + seq %% 6, 'pipeline', 'pipeline', 'best_case', 'commit', 'closed_won', 'closed_lost'),
                   1 + seq %% 50, '2026-01-01', '2026-01-01'
              FROM seq_%d_to_%d JOIN sales_pipelines p ON p.is_default""";

    private static final String HISTORY = """
            INSERT INTO sales_stage_history (opportunity_id, pipeline_id, from_stage, to_stage, amount, currency, probability,
                                             forecast_category, close_date, user_id, changed_at)
            SELECT id, pipeline_id, NULL, stage, amount, currency, probability, forecast_category, close_date, owner_id, created_at
              FROM sales_opportunities WHERE id BETWEEN %d AND %d""";

    static final String LIST = """
            SELECT r.id, r.name, r.close_date FROM sales_opportunities r
             WHERE r.deleted_at IS NULL AND r.owner_id = 7 AND r.stage = 'proposal'
             ORDER BY r.close_date, r.id LIMIT 51""";

    static final String FORECAST = """
            SELECT s.owner_id, s.currency, SUM(CASE WHEN s.forecast_category = 'closed_won' THEN s.amount ELSE 0 END),
                   SUM(CASE WHEN s.forecast_category IN ('pipeline', 'best_case', 'commit') THEN s.amount * s.probability ELSE 0 END)
              FROM (SELECT o.owner_id, o.currency, o.forecast_category, o.probability, o.amount FROM sales_opportunities o
                     WHERE o.deleted_at IS NULL AND o.close_date BETWEEN '2026-10-01' AND '2026-12-31' AND o.amount IS NOT NULL
                       AND o.forecast_category <> 'closed_lost') s
             GROUP BY s.owner_id, s.currency""";

    @Override
    public String id() {
        return "sales-forecast";
    }

    @Override
    public String title() {
        return "Sales: forecast of a quarter and owner+stage list over many opportunities";
    }

    @Override
    public String goal() {
        return "forecast < 1 s cold; both on an index";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        int rows = Integer.getInteger("mosaic.bench.opportunities", ctx.profile.name().equals("full") ? 1_000_000 : 200_000);
        List<String> notes = new ArrayList<>();
        double loadSeconds;
        boolean listIndexed;
        boolean forecastIndexed;
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            long first;
            try (ResultSet r = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM sales_opportunities")) {
                r.next();
                first = r.getLong(1) + 1;
            }
            long t0 = System.nanoTime();
            c.setAutoCommit(false);
            for (int from = 1; from <= rows; from += CHUNK) {
                int to = Math.min(rows, from + CHUNK - 1);
                s.executeUpdate(OPPORTUNITIES.formatted(from, to));
                c.commit();
                ctx.log.accept(String.format("  %,d opportunities", to));
            }
            for (long from = first; from < first + rows; from += CHUNK) {
                s.executeUpdate(HISTORY.formatted(from, Math.min(first + rows - 1, from + CHUNK - 1)));
                c.commit();
            }
            c.setAutoCommit(true);
            loadSeconds = (System.nanoTime() - t0) / 1e9;
            s.execute("ANALYZE TABLE sales_opportunities, sales_stage_history");
            String list = explain(s, LIST);
            String forecast = explain(s, FORECAST);
            notes.add("EXPLAIN list (owner 7, stage proposal, sort closeDate): " + list);
            notes.add("EXPLAIN forecast of 2026-Q4: " + forecast);
            listIndexed = list.contains("ix_sales_opportunities_owner") && !list.contains("filesort");
            forecastIndexed = forecast.contains("ix_sales_opportunities_forecast") && forecast.contains("Using index");
        }
        ctx.log.accept(String.format("  %,d opportunities and history rows in %.1f s; restarting Mosaic for a cold forecast",
                rows, loadSeconds));
        ctx.mosaic.stop();
        ctx.mosaic.start();
        String auth = ctx.authorization();
        String base = ctx.mosaic.baseUrl() + "/api/sales";
        double cold = timed(() -> Http.getJson(base + "/forecast?period=2026-Q4&groupBy=owner", auth));
        double coldOther = timed(() -> Http.getJson(base + "/forecast?period=2027-Q2&groupBy=category", auth));
        int repetitions = 5;
        double[] warm = new double[repetitions];
        double[] list = new double[repetitions];
        double[] asOf = new double[repetitions];
        JsonNode sample = null;
        for (int i = 0; i < repetitions; i++) {
            warm[i] = timed(() -> Http.getJson(base + "/forecast?period=2026-Q4&groupBy=owner", auth));
            list[i] = timed(() -> Http.getJson(base + "/opportunities?ownerId=7&stage=proposal&sort=closeDate&limit=50", auth));
            asOf[i] = timed(() -> Http.getJson(base + "/forecast?period=2026-Q4&groupBy=owner&asOf=2026-11-15", auth));
        }
        sample = Http.getJson(base + "/forecast?period=2026-Q4&groupBy=owner", auth);
        notes.add(String.format("%,d opportunities (plus the other scenarios' data), one history row each, loaded in %.1f s;"
                + " 2026-Q4 holds about %,d of them; %d owner groups in the answer", rows, loadSeconds, rows / 8,
                sample.path("groups").size()));
        notes.add("cold = the first forecast after restarting Mosaic and its MariaDB (InnoDB reloads part of its buffer"
                + " pool at start-up, so the pages may be warmer than on a truly fresh server)");
        var figures = List.of(
                new Outcome.Figure("forecast 2026-Q4 by owner, first after restart", "ms", cold, cold, cold),
                new Outcome.Figure("forecast 2027-Q2 by category, first", "ms", coldOther, coldOther, coldOther),
                Outcome.Figure.of("forecast 2026-Q4 by owner, warm", "ms", warm),
                Outcome.Figure.of("forecast 2026-Q4 by owner asOf 2026-11-15 (stage history)", "ms", asOf),
                Outcome.Figure.of("list owner+stage sorted by close date, 50 rows", "ms", list));
        String verdict = cold < 1000 && coldOther < 1000 && listIndexed && forecastIndexed ? "PASS" : "MISS";
        return new Outcome(id(), title(), goal(), null, null, null, figures, verdict,
                "the forecast reads the covering index range of one quarter and sums it in MariaDB", notes);
    }

    private static String explain(Statement s, String sql) throws Exception {
        StringBuilder out = new StringBuilder();
        try (ResultSet r = s.executeQuery("EXPLAIN " + sql)) {
            while (r.next()) {
                out.append(String.format("[table=%s type=%s key=%s rows=%s Extra=%s] ", r.getString("table"), r.getString("type"),
                        r.getString("key"), r.getString("rows"), r.getString("Extra")));
            }
        }
        return out.toString().trim();
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
