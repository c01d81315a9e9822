package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The forecast of 2031-Q2 against figures summed by hand from the fixture: 60 opportunities of three
 * owners in EUR and USD, in three stages (proposal, negotiation, closed won) with some probabilities
 * overridden, plus deals that must not count (lost, outside the quarter). Then some deals are won
 * and re-priced, and {@code asOf} must still give the figures from before.
 */
class SalesForecastTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private static final String PERIOD = "2031-Q2";
    private static final String[] STAGES = {"proposal", "negotiation", "closed_won"};
    private static final Map<String, Integer> DEFAULTS = Map.of("proposal", 50, "negotiation", 80, "closed_won", 100);
    private static final Map<String, String> CATEGORY = Map.of("proposal", "best_case", "negotiation", "commit", "closed_won", "closed_won");

    private static final List<Deal> before = new ArrayList<>();
    private static final List<Deal> after = new ArrayList<>();
    private static long[] owners;
    private static long team;
    private static String snapshot;

    /** What the fixture holds, as the test wrote it. */
    record Deal(long id, long owner, String currency, String stage, BigDecimal amount, int probability) {
        String category() { return CATEGORY.get(stage); }

        boolean open() { return !stage.equals("closed_won"); }
    }

    @BeforeAll
    static void fixture() throws InterruptedException {
        MosaicClient api = server.admin();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long base = 500_000 + Math.abs(run.hashCode() % 90_000) * 3L;
        owners = new long[] {base + 1, base + 2, base + 3};
        long account = created(api.post("/api/customers/accounts", "{\"name\":\"Forecast " + run + "\"}")).path("id").asLong();
        Instant last = Instant.EPOCH;
        for (int i = 0; i < 60; i++) {
            long owner = owners[i % 3];
            String currency = i % 4 == 3 ? "USD" : "EUR";
            String stage = STAGES[(i / 3) % 3];
            BigDecimal amount = new BigDecimal(1000 + 250 * i + ".50");
            Integer override = i % 5 == 0 && !stage.equals("closed_won") ? 33 : null;
            LocalDate close = LocalDate.of(2031, 4, 1).plusDays(i % 90);
            JsonNode deal = created(api.post("/api/sales/opportunities", "{\"name\":\"F" + i + " " + run + "\",\"accountId\":" + account
                    + ",\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\",\"closeDate\":\"" + close + "\",\"stage\":\""
                    + stage + "\",\"ownerId\":" + owner + (override == null ? "" : ",\"probability\":" + override) + "}"));
            before.add(new Deal(deal.path("id").asLong(), owner, currency, stage, amount, override == null ? DEFAULTS.get(stage) : override));
            last = Instant.parse(deal.path("updatedAt").asText());
        }
        // not counted: lost, closing in July, closing in March
        created(api.post("/api/sales/opportunities", "{\"name\":\"Lost " + run + "\",\"accountId\":" + account
                + ",\"amount\":\"9999.00\",\"currency\":\"EUR\",\"closeDate\":\"2031-05-05\",\"stage\":\"closed_lost\",\"lostReason\":\"budget\",\"ownerId\":" + owners[0] + "}"));
        created(api.post("/api/sales/opportunities", "{\"name\":\"July " + run + "\",\"accountId\":" + account
                + ",\"amount\":\"7777.00\",\"currency\":\"EUR\",\"closeDate\":\"2031-07-01\",\"stage\":\"closed_won\",\"ownerId\":" + owners[0] + "}"));
        last = Instant.parse(created(api.post("/api/sales/opportunities", "{\"name\":\"March " + run + "\",\"accountId\":" + account
                + ",\"amount\":\"5555.00\",\"currency\":\"EUR\",\"closeDate\":\"2031-03-31\",\"stage\":\"negotiation\",\"ownerId\":" + owners[1] + "}"))
                .path("updatedAt").asText());
        snapshot = last.toString();

        created(api.post("/api/sales/quotas", "{\"userId\":" + owners[0] + ",\"period\":\"2031-Q2\",\"amount\":\"50000.00\",\"currency\":\"EUR\"}"));
        for (String month : List.of("2031-04", "2031-05", "2031-06")) {
            created(api.post("/api/sales/quotas", "{\"userId\":" + owners[1] + ",\"period\":\"" + month + "\",\"amount\":\"10000.00\",\"currency\":\"EUR\"}"));
        }
        team = created(api.post("/api/sales/teams", "{\"name\":\"Forecasters " + run + "\",\"managerId\":" + owners[0] + "}")).path("id").asLong();
        created(api.post("/api/sales/team-members", "{\"teamId\":" + team + ",\"userId\":" + owners[0] + "}"));
        created(api.post("/api/sales/team-members", "{\"teamId\":" + team + ",\"userId\":" + owners[1] + "}"));

        Thread.sleep(5);
        after.addAll(before);
        int won = 0;
        int repriced = 0;
        for (int i = 0; i < after.size(); i++) {
            Deal d = after.get(i);
            if (d.stage().equals("negotiation") && d.currency().equals("EUR") && won < 5) {
                patch(api, d.id(), "{\"stage\":\"closed_won\"}");
                after.set(i, new Deal(d.id(), d.owner(), d.currency(), "closed_won", d.amount(), 100));
                won++;
            } else if (d.stage().equals("proposal") && repriced < 3) {
                patch(api, d.id(), "{\"amount\":\"20000.00\"}");
                after.set(i, new Deal(d.id(), d.owner(), d.currency(), d.stage(), new BigDecimal("20000.00"), d.probability()));
                repriced++;
            }
        }
    }

    @Test
    void the_forecast_by_owner_equals_the_figures_summed_by_hand() {
        JsonNode forecast = forecast("&groupBy=owner");
        assertThat(forecast.path("period").asText()).isEqualTo(PERIOD);
        assertThat(forecast.path("currency").asText()).isEqualTo("EUR");
        for (long owner : owners) {
            JsonNode group = group(forecast, String.valueOf(owner));
            assertThat(figures(group)).as("owner " + owner).isEqualTo(expected(after, d -> d.owner() == owner && d.currency().equals("EUR")));
        }
        assertThat(group(forecast, String.valueOf(owners[0])).path("quota").asText()).isEqualTo("50000.00");
        assertThat(group(forecast, String.valueOf(owners[1])).path("quota").asText()).isEqualTo("30000.00");   // three months
        assertThat(group(forecast, String.valueOf(owners[2])).path("quota").isNull()).isTrue();
        assertThat(group(forecast, String.valueOf(owners[2])).path("attainment").isNull()).isTrue();
        BigDecimal won = sum(after, d -> d.owner() == owners[0] && d.currency().equals("EUR") && d.stage().equals("closed_won"));
        assertThat(group(forecast, String.valueOf(owners[0])).path("attainment").asText())
                .isEqualTo(won.divide(new BigDecimal("50000.00"), 4, RoundingMode.HALF_UP).toPlainString());
    }

    @Test
    void other_currencies_are_reported_apart_and_never_added() {
        JsonNode forecast = forecast("");
        JsonNode usd = null;
        for (JsonNode other : forecast.path("otherCurrencies")) {
            if (other.path("currency").asText().equals("USD")) {
                usd = other;
            }
        }
        assertThat(usd).isNotNull();
        assertThat(figures(usd)).isEqualTo(expected(after, d -> d.currency().equals("USD")));
        JsonNode inDollars = forecast("&currency=USD");
        assertThat(figures(group(inDollars, String.valueOf(owners[0]))))
                .isEqualTo(expected(after, d -> d.owner() == owners[0] && d.currency().equals("USD")));
    }

    @Test
    void by_team_the_members_add_up_and_so_do_their_quotas() {
        JsonNode group = group(forecast("&groupBy=team"), String.valueOf(team));
        assertThat(figures(group)).isEqualTo(expected(after, d -> (d.owner() == owners[0] || d.owner() == owners[1]) && d.currency().equals("EUR")));
        assertThat(group.path("quota").asText()).isEqualTo("80000.00");
    }

    @Test
    void by_category_each_group_holds_its_own_column() {
        JsonNode forecast = forecast("&groupBy=category");
        assertThat(group(forecast, "commit").path("commit").asText())
                .isEqualTo(text(sum(after, d -> d.currency().equals("EUR") && d.category().equals("commit"))));
        assertThat(group(forecast, "closed_won").path("closedWon").asText())
                .isEqualTo(text(sum(after, d -> d.currency().equals("EUR") && d.category().equals("closed_won"))));
        assertThat(group(forecast, "commit").path("quota").isNull()).isTrue();
    }

    @Test
    void as_of_rebuilds_the_forecast_from_the_stage_history() {
        JsonNode then = forecast("&asOf=" + snapshot);
        for (long owner : owners) {
            assertThat(figures(group(then, String.valueOf(owner)))).as("owner " + owner + " as of " + snapshot)
                    .isEqualTo(expected(before, d -> d.owner() == owner && d.currency().equals("EUR")));
        }
        assertThat(expected(before, d -> d.owner() == owners[0] && d.currency().equals("EUR")))
                .isNotEqualTo(expected(after, d -> d.owner() == owners[0] && d.currency().equals("EUR")));
        JsonNode yesterday = forecast("&asOf=" + LocalDate.parse(snapshot.substring(0, 10)).minusDays(1));
        assertThat(figures(group(yesterday, String.valueOf(owners[0])))).isEqualTo(expected(List.of(), d -> true));
        assertThat(server.admin().get("/api/sales/forecast?period=2031-Q5").status()).isEqualTo(400);
        assertThat(server.admin().get("/api/sales/forecast?period=2031-Q2&asOf=yesterday").status()).isEqualTo(400);
    }

    private static JsonNode forecast(String extra) {
        MosaicResponse r = server.admin().get("/api/sales/forecast?period=" + PERIOD + extra);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode group(JsonNode forecast, String key) {
        for (JsonNode g : forecast.path("groups")) {
            if (g.path("key").asText().equals(key)) {
                return g;
            }
        }
        throw new AssertionError("no group " + key + " in " + forecast);
    }

    private static Map<String, String> figures(JsonNode group) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String name : List.of("closedWon", "commit", "bestCase", "pipeline", "weighted")) {
            f.put(name, group.path(name).asText());
        }
        return f;
    }

    /** By hand: sums per category, and Σ amount × probability / 100 over the open deals, rounded to cents at the end. */
    private static Map<String, String> expected(List<Deal> deals, Predicate<Deal> which) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("closedWon", text(sum(deals, which.and(d -> d.category().equals("closed_won")))));
        f.put("commit", text(sum(deals, which.and(d -> d.category().equals("commit")))));
        f.put("bestCase", text(sum(deals, which.and(d -> d.category().equals("best_case")))));
        f.put("pipeline", text(BigDecimal.ZERO));
        BigDecimal weighted = BigDecimal.ZERO;
        for (Deal d : deals) {
            if (which.test(d) && d.open()) {
                weighted = weighted.add(d.amount().multiply(BigDecimal.valueOf(d.probability())));
            }
        }
        f.put("weighted", text(weighted.movePointLeft(2)));
        return f;
    }

    private static BigDecimal sum(List<Deal> deals, Predicate<Deal> which) {
        return deals.stream().filter(which).map(Deal::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String text(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static JsonNode created(MosaicResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private static void patch(MosaicClient api, long id, String body) {
        String path = "/api/sales/opportunities/" + id;
        MosaicResponse r = api.patch(path, body, api.get(path).json().path("version").asText());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }
}
