package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.RecordContract;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reports module over real HTTP on real MariaDB: results equal hand-computed figures, relative
 * periods in a non-UTC zone, the result cache and its invalidation by a write, the time budget
 * (422 and nothing left running), a scheduled run's snapshot, dashboards' zero-filled series, the
 * record contract of definitions and dashboards, and switching the module off and on.
 */
class ReportsApiTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String GROUPED = "\"groupBy\":[{\"field\":\"stage\"},{\"field\":\"closeDate\",\"bucket\":\"month\"}],"
            + "\"measures\":[{\"fn\":\"sum\",\"field\":\"amount\"},{\"fn\":\"count\"},{\"fn\":\"avg\",\"field\":\"amount\"}]";

    private final MosaicClient api = server.admin();

    @AfterAll
    static void enableReports() {
        server.admin().post("/api/platform/modules/reports/enable", null);
    }

    private JsonNode created(String path, String json) {
        MosaicResponse r = api.post(path, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private long account(String name) {
        return created("/api/customers/accounts", "{\"name\":\"" + name + " " + RUN + "\",\"industry\":\"ind-" + RUN + "\"}")
                .path("id").asLong();
    }

    private JsonNode deal(long account, String stage, String closeDate, String amount) {
        return created("/api/sales/opportunities", "{\"name\":\"Deal " + closeDate + "\",\"accountId\":" + account
                + ",\"stage\":\"" + stage + "\",\"closeDate\":\"" + closeDate + "\",\"amount\":\"" + amount + "\",\"currency\":\"EUR\"}");
    }

    private JsonNode run(String body) {
        MosaicResponse r = api.post("/api/reports/run", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void groups_by_stage_and_month_with_sums_and_averages_as_computed_by_hand() {
        long account = account("Grouped");
        deal(account, "prospecting", "2026-01-10", "1000.00");
        deal(account, "prospecting", "2026-01-20", "2000.00");
        deal(account, "proposal", "2026-01-05", "4000.00");
        deal(account, "prospecting", "2026-02-01", "500.50");
        JsonNode answer = run("{\"entity\":\"sales.opportunity\",\"filters\":{\"accountId\":\"" + account + "\"}," + GROUPED + "}");
        assertThat(answer.path("columns").toString())
                .isEqualTo("[\"stage\",\"closeDate_month\",\"currency\",\"sum_amount\",\"count\",\"avg_amount\"]");
        assertThat(answer.path("rows").toString()).isEqualTo("[[\"proposal\",\"2026-01-01\",\"EUR\",4000,1,4000],"
                + "[\"prospecting\",\"2026-01-01\",\"EUR\",3000,2,1500],[\"prospecting\",\"2026-02-01\",\"EUR\",500.5,1,500.5]]");
        assertThat(answer.path("cached").asBoolean()).isFalse();

        JsonNode byIndustry = run("{\"entity\":\"sales.opportunity\",\"filters\":{\"accountId\":\"" + account + "\",\"accountId.industry\":\"ind-" + RUN + "\"},"
                + "\"groupBy\":[{\"field\":\"accountId.industry\"}],\"measures\":[{\"fn\":\"max\",\"field\":\"amount\"}]}");
        assertThat(byIndustry.path("rows").toString()).isEqualTo("[[\"ind-" + RUN + "\",\"EUR\",4000]]");

        MosaicResponse csv = api.send("POST", "/api/reports/run", "{\"entity\":\"sales.opportunity\",\"filters\":{\"accountId\":\""
                + account + "\",\"stage\":\"proposal\"},\"measures\":[{\"fn\":\"count\"}]}", Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).isEqualTo("count\r\n1\r\n");
    }

    @Test
    void a_relative_period_is_taken_in_the_callers_zone() {
        ZoneId zone = ZoneId.of("Pacific/Kiritimati");  // UTC+14: its today is often the UTC tomorrow
        LocalDate today = LocalDate.now(zone);
        long account = account("Relative");
        deal(account, "prospecting", today.minusDays(29).toString(), "10.00");
        deal(account, "prospecting", today.toString(), "20.00");
        deal(account, "prospecting", today.minusDays(30).toString(), "400.00");
        deal(account, "prospecting", today.plusDays(1).toString(), "800.00");
        JsonNode answer = run("{\"entity\":\"sales.opportunity\",\"tz\":\"Pacific/Kiritimati\",\"filters\":{\"accountId\":\""
                + account + "\",\"closeDate\":\"last_30_days\"},\"measures\":[{\"fn\":\"sum\",\"field\":\"amount\"},{\"fn\":\"count\"}]}");
        assertThat(answer.path("rows").toString()).isEqualTo("[[\"EUR\",30,2]]");
        assertThat(api.post("/api/reports/run?tz=Mars/Olympus", "{\"entity\":\"sales.opportunity\",\"measures\":[{\"fn\":\"count\"}]}")
                .status()).isEqualTo(400);
    }

    @Test
    void a_second_run_is_cached_until_a_write_to_the_entity() {
        long account = account("Cached");
        JsonNode deal = deal(account, "prospecting", "2026-03-03", "100.00");
        long definition = created("/api/reports/definitions", "{\"name\":\"Cached " + RUN + "\",\"entity\":\"sales.opportunity\","
                + "\"filters\":{\"accountId\":\"" + account + "\"},\"measures\":[{\"fn\":\"sum\",\"field\":\"amount\"}]}").path("id").asLong();
        String path = "/api/reports/definitions/" + definition + "/run";
        assertThat(api.post(path, null).json().path("cached").asBoolean()).isFalse();
        JsonNode again = api.post(path, null).json();
        assertThat(again.path("cached").asBoolean()).isTrue();
        assertThat(again.path("ageSeconds").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(again.path("rows").toString()).isEqualTo("[[\"EUR\",100]]");

        MosaicResponse patched = api.patch("/api/sales/opportunities/" + deal.path("id").asLong(), "{\"amount\":\"250.00\"}",
                deal.path("version").asText());
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode after = awaitUncached(path);
        assertThat(after.path("rows").toString()).isEqualTo("[[\"EUR\",250]]");
    }

    /** The invalidation follows the outbox's after-commit event, a moment after the write answered. */
    private JsonNode awaitUncached(String path) {
        long until = System.currentTimeMillis() + 5_000;
        JsonNode answer = api.post(path, null).json();
        while (answer.path("cached").asBoolean() && System.currentTimeMillis() < until) {
            Thread.onSpinWait();
            answer = api.post(path, null).json();
        }
        assertThat(answer.path("cached").asBoolean()).isFalse();
        return answer;
    }

    @Test
    void a_report_past_its_budget_is_422_and_leaves_no_statement_running() throws Exception {
        SavedConfig saved = SavedConfig.of(api, "io.mosaic.crm.reports", "statementTimeoutMillis");
        try (Connection db = database(); Statement sql = db.createStatement()) {
            // 100k soft-deleted rows: invisible to every list and report, but a scan still reads them
            sql.executeUpdate("INSERT INTO sales_opportunities (name, account_id, amount, currency, close_date, pipeline_id, stage,"
                    + " probability, forecast_category, owner_id, created_at, updated_at, deleted_at)"
                    + " SELECT CONCAT('bulk-" + RUN + "-', seq), 1, seq, 'EUR', '2026-01-01', (SELECT MIN(id) FROM sales_pipelines),"
                    + " 'prospecting', 10, 'pipeline', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM seq_1_to_100000");
            try {
                assertThat(api.patch("/api/platform/config/io.mosaic.crm.reports", "{\"statementTimeoutMillis\":1}", null).status())
                        .isEqualTo(200);
                // a new limit each time: another statement, not a cached answer; the new budget applies within a moment
                String body = "{\"entity\":\"sales.opportunity\",\"groupBy\":[{\"field\":\"name\"}],"
                        + "\"measures\":[{\"fn\":\"avg\",\"field\":\"amount\"}],\"limit\":";
                int limit = 10_000;
                MosaicResponse refused = api.post("/api/reports/run", body + limit + "}");
                long until = System.currentTimeMillis() + 3_000;
                while (refused.status() == 200 && System.currentTimeMillis() < until) {
                    refused = api.post("/api/reports/run", body + --limit + "}");
                }
                assertThat(refused.status()).as(refused.body()).isEqualTo(422);
                assertThat(refused.error()).isEqualTo("report_too_expensive");
                assertThat(refused.json().path("message").asText()).contains("budget", "filter");
                try (ResultSet running = sql.executeQuery("SELECT COUNT(*) FROM information_schema.processlist"
                        + " WHERE info LIKE '%FROM sales_opportunities r%' AND id <> CONNECTION_ID()")) {
                    running.next();
                    assertThat(running.getInt(1)).isZero();
                }
            } finally {
                saved.restore(api);
                sql.executeUpdate("DELETE FROM sales_opportunities WHERE name LIKE 'bulk-" + RUN + "-%'");
            }
        }
    }

    private static Connection database() throws Exception {
        String password = Files.readString(server.home().resolve("data/db-password")).strip();
        Matcher url = Pattern.compile("embedded MariaDB serving (jdbc:mariadb://127\\.0\\.0\\.1:[0-9]+/mosaic)").matcher(server.log());
        assertThat(url.find()).as("the database URL in the log").isTrue();
        return DriverManager.getConnection(url.group(1) + "?sslMode=disable&user=mosaic&password=" + password);
    }

    @Test
    void a_scheduled_run_stores_a_snapshot_and_a_failing_one_its_reason() {
        long account = account("Scheduled");
        deal(account, "prospecting", "2026-04-04", "42.00");
        long ok = created("/api/reports/definitions", "{\"name\":\"Every second " + RUN + "\",\"entity\":\"sales.opportunity\","
                + "\"filters\":{\"accountId\":\"" + account + "\"},\"measures\":[{\"fn\":\"count\"}],\"schedule\":\"* * * * * ?\"}")
                .path("id").asLong();
        long broken = created("/api/reports/definitions", "{\"name\":\"Broken " + RUN + "\",\"entity\":\"sales.opportunity\","
                + "\"measures\":[{\"fn\":\"sum\",\"field\":\"noSuchField\"}],\"schedule\":\"* * * * * ?\"}").path("id").asLong();
        assertThat(api.post("/api/reports/definitions", "{\"name\":\"Bad cron\",\"entity\":\"sales.opportunity\","
                + "\"measures\":[{\"fn\":\"count\"}],\"schedule\":\"every day\"}").status()).isEqualTo(422);

        long until = System.currentTimeMillis() + 5_000;   // a per-second cron is due once its first second passed
        while ((snapshots(ok).isEmpty() || snapshots(broken).isEmpty()) && System.currentTimeMillis() < until) {
            assertThat(api.post("/api/reports/scheduler/run", null).status()).isEqualTo(200);
        }
        JsonNode snapshot = snapshots(ok).get(0);
        assertThat(snapshot.path("status").asText()).isEqualTo("succeeded");
        assertThat(snapshot.path("rowCount").asInt()).isEqualTo(1);
        JsonNode full = api.get("/api/reports/definitions/" + ok + "/snapshots/" + snapshot.path("id").asLong()).json();
        assertThat(full.path("result").path("rows").toString()).isEqualTo("[[1]]");

        JsonNode failed = snapshots(broken).get(0);
        assertThat(failed.path("status").asText()).isEqualTo("failed");
        assertThat(failed.path("reason").asText()).contains("invalid_report", "noSuchField");
        api.delete("/api/reports/definitions/" + ok);
        api.delete("/api/reports/definitions/" + broken);
    }

    private JsonNode snapshots(long definition) {
        return api.get("/api/reports/definitions/" + definition + "/snapshots").json().path("items");
    }

    @Test
    void a_dashboard_answers_chart_series_with_empty_months_filled_with_zero() {
        long account = account("Dashboard");
        deal(account, "prospecting", "2026-01-15", "100.00");
        deal(account, "prospecting", "2026-03-15", "300.00");
        long definition = created("/api/reports/definitions", "{\"name\":\"Monthly " + RUN + "\",\"entity\":\"sales.opportunity\","
                + "\"filters\":{\"accountId\":\"" + account + "\"},\"groupBy\":[{\"field\":\"closeDate\",\"bucket\":\"month\"}],"
                + "\"measures\":[{\"fn\":\"count\"}]}").path("id").asLong();
        long dashboard = created("/api/reports/dashboards", "{\"name\":\"Mine " + RUN + "\",\"widgets\":[{\"title\":\"By month\","
                + "\"definitionId\":" + definition + ",\"chart\":\"line\"},{\"definitionId\":" + definition + ",\"chart\":\"number\"},"
                + "{\"definitionId\":987654321,\"chart\":\"bar\"}]}").path("id").asLong();
        JsonNode widgets = api.get("/api/reports/dashboards/" + dashboard + "/data").json().path("widgets");
        assertThat(widgets.get(0).path("categories").toString()).isEqualTo("[\"2026-01-01\",\"2026-02-01\",\"2026-03-01\"]");
        assertThat(widgets.get(0).path("series").get(0).path("data").toString()).isEqualTo("[1,0,1]");
        assertThat(widgets.get(1).path("value").asInt()).isEqualTo(1);
        assertThat(widgets.get(2).path("error").path("error").asText()).isEqualTo("not_found");

        JsonNode builtIn = api.get("/api/reports/dashboards?builtIn=sales").json().path("items");
        assertThat(builtIn).hasSize(1);
        JsonNode sales = api.get("/api/reports/dashboards/" + builtIn.get(0).path("id").asLong() + "/data").json();
        assertThat(sales.path("widgets").findValuesAsText("title")).contains("Pipeline by stage", "Won revenue by month");
        assertThat(api.get("/api/reports/dashboards?builtIn=service").json().path("items")).hasSize(1);
    }

    @Test
    void bad_reports_are_4xx_with_reasons() {
        assertThat(api.post("/api/reports/run", "{\"entity\":\"nowhere.thing\",\"measures\":[{\"fn\":\"count\"}]}").status())
                .isEqualTo(404);
        assertThat(api.post("/api/reports/run", "{\"entity\":\"sales.opportunity\",\"measures\":[{\"fn\":\"sum\",\"field\":\"name\"}]}")
                .error()).isEqualTo("invalid_report");
        assertThat(api.post("/api/reports/run", "{\"entity\":\"sales.opportunity\",\"measures\":[{\"fn\":\"count\"}],"
                + "\"filters\":{\"nope\":\"1\"}}").error()).isEqualTo("unknown_parameter");
        assertThat(api.post("/api/reports/run", "{\"entity\":\"sales.opportunity\",\"measures\":[{\"fn\":\"count\"}],"
                + "\"groupBy\":[{\"field\":\"stage\",\"bucket\":\"month\"}]}").error()).isEqualTo("invalid_report");
        assertThat(api.post("/api/reports/run", "{\"entity\":\"sales.opportunity\",\"measures\":[]}").status()).isEqualTo(400);
    }

    @Test
    void switching_the_module_off_answers_503_and_on_again_keeps_the_definitions() {
        long definition = created("/api/reports/definitions", "{\"name\":\"Kept " + RUN + "\",\"entity\":\"sales.opportunity\","
                + "\"measures\":[{\"fn\":\"count\"}]}").path("id").asLong();
        assertThat(api.post("/api/platform/modules/reports/disable", null).status()).isEqualTo(200);
        MosaicResponse off = api.get("/api/reports/definitions/" + definition);
        assertThat(off.status()).isEqualTo(503);
        assertThat(off.error()).isEqualTo("module_unavailable");
        assertThat(api.get("/api/sales/opportunities?limit=1").status()).isEqualTo(200);
        assertThat(api.post("/api/platform/modules/reports/enable", null).status()).isEqualTo(200);
        assertThat(api.get("/api/reports/definitions/" + definition).json().path("name").asText()).isEqualTo("Kept " + RUN);
    }

    /**
     * A generated dataset with a known signal: 2,000 closed deals, half from source web (won with
     * probability 0.8), half from partner (0.2), all else equal. The best any model can do is
     * AUC 0.80 and Brier 0.16, against 0.25 for always predicting the base rate.
     */
    @Test
    void the_win_probability_model_finds_the_signal_a_generated_dataset_holds() throws Exception {
        long account = account("Signal");
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.executeUpdate("INSERT INTO sales_opportunities (name, account_id, amount, currency, close_date, pipeline_id, stage,"
                    + " probability, forecast_category, source, last_stage, owner_id, created_at, updated_at)"
                    + " SELECT CONCAT('wp-" + RUN + "-', seq), " + account + ", 5000, 'EUR', '2026-06-30', (SELECT MIN(id) FROM sales_pipelines),"
                    + " IF(won, 'closed_won', 'closed_lost'), IF(won, 100, 0), IF(won, 'closed_won', 'closed_lost'),"
                    + " IF(seq % 2 = 0, 'web', 'partner'), IF(won, NULL, 'negotiation'), 1, '2026-06-01', '2026-06-01'"
                    + " FROM (SELECT seq, CONV(SUBSTR(MD5(seq), 1, 8), 16, 10) / 4294967296 < IF(seq % 2 = 0, 0.8, 0.2) AS won"
                    + " FROM seq_1_to_2000) generated");
            try {
                MosaicResponse trained = api.post("/api/reports/models/win-probability/train", null);
                assertThat(trained.status()).as(trained.body()).isEqualTo(200);
                JsonNode model = api.get("/api/reports/models/win-probability").json();
                assertThat(model.path("testDeals").asInt()).isGreaterThan(450);
                for (String name : new String[] {"naiveBayes", "logisticRegression"}) {
                    JsonNode m = model.path("models").path(name);
                    assertThat(m.path("auc").asDouble()).as(name).isBetween(0.75, 0.85);
                    assertThat(m.path("brier").asDouble()).as(name).isLessThan(model.path("baseRateBrier").asDouble() - 0.05);
                    assertThat(m.path("calibration")).hasSize(10);
                }
                JsonNode deal = deal(account, "negotiation", "2026-12-24", "5000.00");
                JsonNode predictions = api.get("/api/reports/models/win-probability/predictions?limit=500").json().path("items");
                assertThat(predictions.findValues("id").stream().map(JsonNode::asLong)).contains(deal.path("id").asLong());
                assertThat(api.get("/api/sales/opportunities/" + deal.path("id").asLong()).json().path("probability").asInt())
                        .isEqualTo(deal.path("probability").asInt());
            } finally {
                sql.executeUpdate("DELETE FROM sales_opportunities WHERE name LIKE 'wp-" + RUN + "-%'");
            }
        }
    }

    @Test
    void rfm_scores_accounts_by_recency_frequency_and_value_of_won_deals() throws Exception {
        LocalDate today = LocalDate.now(ZoneId.of("UTC"));
        long[] accounts = new long[5];
        try (Connection db = database(); Statement sql = db.createStatement()) {
            for (int i = 0; i < 5; i++) {
                accounts[i] = account("Rfm" + i);
                // account i: i + 1 won deals of 1000 × (i + 1) each, the last one closed 10 × (4 − i) days ago
                sql.executeUpdate("INSERT INTO sales_opportunities (name, account_id, amount, currency, close_date, pipeline_id,"
                        + " stage, probability, forecast_category, owner_id, created_at, updated_at)"
                        + " SELECT CONCAT('rfm-" + RUN + "-', seq), " + accounts[i] + ", " + (1000 * (i + 1)) + ", 'EUR',"
                        + " '" + today.minusDays(10L * (4 - i)) + "' - INTERVAL (seq - 1) DAY, (SELECT MIN(id) FROM sales_pipelines),"
                        + " 'closed_won', 100, 'closed_won', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6) FROM seq_1_to_" + (i + 1));
            }
            try {
                JsonNode rfm = api.get("/api/reports/segments/rfm?limit=500").json();
                Map<Long, JsonNode> mine = new java.util.HashMap<>();
                rfm.path("items").forEach(item -> mine.put(item.path("accountId").asLong(), item));
                JsonNode best = mine.get(accounts[4]);
                JsonNode worst = mine.get(accounts[0]);
                assertThat(best.path("recencyDays").asLong()).isZero();
                assertThat(best.path("frequency").asLong()).isEqualTo(5);
                assertThat(best.path("monetary").asLong()).isEqualTo(25_000);
                assertThat(worst.path("recencyDays").asLong()).isEqualTo(40);
                assertThat(best.path("r").asInt()).isGreaterThanOrEqualTo(worst.path("r").asInt());
                assertThat(best.path("f").asInt()).isGreaterThan(worst.path("f").asInt());
                assertThat(best.path("m").asInt()).isGreaterThan(worst.path("m").asInt());
                assertThat(rfm.path("segments").findValuesAsText("segment")).isNotEmpty();
                assertThat(api.get("/api/reports/segments/rfm?segment=" + best.path("segment").asText()).json().path("items")
                        .findValuesAsText("segment")).containsOnly(best.path("segment").asText());
                assertThat(api.get("/api/reports/segments/rfm?segment=vip").status()).isEqualTo(400);
            } finally {
                sql.executeUpdate("DELETE FROM sales_opportunities WHERE name LIKE 'rfm-" + RUN + "-%'");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> definitions_follow_the_record_contract() {
        return RecordContract.of("/api/reports/definitions", "reports.definitions")
                .sample(n -> "{\"name\":\"Contract " + n + "\",\"entity\":\"sales.opportunity\",\"measures\":[{\"fn\":\"count\"}]}")
                .patch("{\"sort\":\"-count\"}", "sort")
                .invalid("{\"name\":\"\",\"entity\":\"\",\"measures\":[{\"fn\":\"count\"}]}", "name", "entity")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> dashboards_follow_the_record_contract() {
        return RecordContract.of("/api/reports/dashboards", "reports.dashboards")
                .sample(n -> "{\"name\":\"Contract " + n + "\",\"widgets\":[]}")
                .patch("{\"shared\":true}", "shared")
                .invalid("{\"name\":\"\",\"widgets\":[]}", "name")
                .tests(server.admin(), server::as);
    }
}
