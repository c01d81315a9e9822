package io.mosaic.examples.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.RecordContract;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin in a real Mosaic (every platform bundle, embedded MariaDB), over HTTP. */
class LoyaltyPluginTest {
    @RegisterExtension
    static final MosaicPlatform mosaic = MosaicPlatform.withPluginUnderTest()
            .withConfig("io.mosaic.crm.loyalty", "welcomePoints = 25\n");

    private final MosaicClient admin = mosaic.admin();

    @Test
    void an_account_without_points_has_a_balance_of_zero() {
        MosaicResponse balance = admin.get("/api/loyalty/accounts/900001/balance");
        assertThat(balance.status()).isEqualTo(200);
        assertThat(balance.json().path("points").asLong()).isZero();
    }

    @Test
    void awards_and_redeems_points_and_keeps_the_history_newest_first() throws Exception {
        long id = welcomedAccount("History Ltd");
        MosaicResponse award = admin.post("/api/loyalty/accounts/" + id + "/awards", "{\"points\":120,\"reason\":\"first order\"}");
        assertThat(award.status()).as(award.toString()).isEqualTo(201);
        assertThat(admin.get(award.header("Location")).json().path("points").asInt()).isEqualTo(120);
        assertThat(admin.post("/api/loyalty/accounts/" + id + "/redemptions", "{\"points\":20}").status()).isEqualTo(201);

        assertThat(admin.get("/api/loyalty/accounts/" + id + "/balance").json().path("points").asLong()).isEqualTo(25 + 100);
        MosaicResponse first = admin.get("/api/loyalty/accounts/" + id + "/history?limit=1");
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode history = first.json();
        assertThat(history.path("items").get(0).path("points").asInt()).isEqualTo(-20);
        JsonNode older = admin.get("/api/loyalty/accounts/" + id + "/history?limit=2&after=" + history.path("next").asText()).json();
        assertThat(older.path("items")).as(history + " then " + older).hasSize(2);
        assertThat(older.path("items").get(0).path("reason").asText()).isEqualTo("first order");
        assertThat(older.path("items").get(1).path("reason").asText()).isEqualTo("welcome");
        assertThat(older.path("next").isNull()).isTrue();
    }

    /** The record kit's standard tests for the tiers, generated from the declaration's behaviour. */
    @TestFactory
    Stream<DynamicTest> tiers_follow_the_record_contract() {
        return RecordContract.of("/api/loyalty/tiers", "loyalty.tiers")
                .sample(n -> "{\"name\":\"Tier " + n + "\",\"minPoints\":" + n + "}")
                .duplicateOf(n -> "{\"name\":\"TIER " + n + "\",\"minPoints\":5}")
                .patch("{\"discountPercent\":5}", "discountPercent")
                .invalid("{\"name\":\"\",\"minPoints\":-1}", "name", "minPoints")
                .hiddenField("discountPercent", "{\"discountPercent\":7}")
                .tests(admin, mosaic::as);
    }

    @Test
    void refuses_a_discount_for_a_tier_below_100_points() {
        MosaicResponse refused = admin.post("/api/loyalty/tiers", "{\"name\":\"Starter\",\"minPoints\":10,\"discountPercent\":3}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.json().path("details").get(0).path("problem").asText()).isEqualTo("too_small_for_a_discount");
        MosaicResponse fine = admin.post("/api/loyalty/tiers", "{\"name\":\"Starter\",\"minPoints\":10}");
        assertThat(fine.status()).as(fine.toString()).isEqualTo(201);
        assertThat(fine.json().path("discountPercent").decimalValue()).isZero();
        assertThat(fine.json().path("active").asBoolean()).isTrue();
    }

    @Test
    void awards_points_only_to_accounts_that_exist() {
        MosaicResponse missing = admin.post("/api/loyalty/accounts/987654321/awards", "{\"points\":5}");
        assertThat(missing.status()).as(missing.toString()).isEqualTo(404);
        assertThat(admin.get("/api/loyalty/accounts/987654321/balance").json().path("points").asLong()).isZero();
    }

    @Test
    void refuses_to_redeem_more_than_the_balance_with_422() throws Exception {
        long id = welcomedAccount("Overdrawn Ltd");
        admin.post("/api/loyalty/accounts/" + id + "/awards", "{\"points\":10}");
        MosaicResponse overdrawn = admin.post("/api/loyalty/accounts/" + id + "/redemptions", "{\"points\":36}");
        assertThat(overdrawn.status()).isEqualTo(422);
        assertThat(overdrawn.json().path("details").get(0).path("field").asText()).isEqualTo("points");
        assertThat(admin.get("/api/loyalty/accounts/" + id + "/balance").json().path("points").asLong()).isEqualTo(25 + 10);
    }

    @Test
    void rejects_bad_input() throws Exception {
        String account = "/api/loyalty/accounts/" + welcomedAccount("Strict Ltd");
        assertThat(admin.post(account + "/awards", "{\"points\":\"5\"}").status()).isEqualTo(422);
        assertThat(admin.post(account + "/awards", "{\"points\":0}").status()).isEqualTo(422);
        assertThat(admin.post(account + "/awards", "{\"points\":").status()).isEqualTo(400);
        assertThat(admin.get("/api/loyalty/accounts/17abc/balance").status()).isEqualTo(400);
        assertThat(admin.get(account + "/history?after=x").status()).isEqualTo(400);
        assertThat(admin.get(account + "/history?limit=0").status()).isEqualTo(422);
        assertThat(admin.get("/api/loyalty/entries/987654321").status()).isEqualTo(404);
    }

    @Test
    void counts_awards_in_the_platform_metrics() throws Exception {
        admin.post("/api/loyalty/accounts/" + welcomedAccount("Metered Ltd") + "/awards", "{\"points\":3}");
        MosaicResponse metrics = admin.get("/metrics");
        assertThat(metrics.status()).as(metrics.toString()).isEqualTo(200);
        assertThat(metrics.body()).contains("loyalty_points_awarded").contains("loyalty_awards");
    }

    @Test
    void needs_credentials() {
        assertThat(mosaic.anonymous().get("/api/loyalty/accounts/1/balance").status()).isEqualTo(401);
        assertThat(mosaic.as("admin", "wrong-password").post("/api/loyalty/accounts/1/awards", "{\"points\":5}").status())
                .isEqualTo(401);
    }

    @Test
    void lets_a_reader_see_balances_but_not_award_points() {
        MosaicResponse role = admin.post("/api/security/roles", "{\"name\":\"loyalty-reader\",\"permissions\":[\"loyalty.points:read\"]}");
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        String password = "reader has a long passphrase";
        MosaicResponse user = admin.post("/api/security/users",
                "{\"username\":\"reader\",\"password\":\"" + password + "\",\"roles\":[\"loyalty-reader\"]}");
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        MosaicClient reader = mosaic.as("reader", password);

        assertThat(reader.get("/api/loyalty/accounts/900006/balance").status()).isEqualTo(200);
        assertThat(reader.post("/api/loyalty/accounts/900006/awards", "{\"points\":5}").status()).isEqualTo(403);
        assertThat(reader.post("/api/loyalty/accounts/900006/redemptions", "{\"points\":5}").status()).isEqualTo(403);
    }

    @Test
    void declares_its_permissions_in_the_openapi_document() {
        String openapi = admin.get("/api/openapi.json").body();
        assertThat(openapi).contains("/api/loyalty/accounts/{id}/balance").contains("loyalty.points:read")
                .contains("loyalty.points:edit");
    }

    @Test
    void welcomes_a_new_account_with_the_configured_points() throws Exception {
        long id = welcomedAccount("Loyal Ltd");
        assertThat(admin.get("/api/loyalty/accounts/" + id + "/balance").json().path("points").asLong()).isEqualTo(25);
    }

    /** A new account of the customers module, once its welcome points (25) arrived. */
    private long welcomedAccount(String name) throws InterruptedException {
        MosaicResponse account = admin.post("/api/customers/accounts", "{\"name\":\"" + name + "\",\"country\":\"DE\"}");
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        long id = account.json().path("id").asLong();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);   // events are delivered asynchronously
        long points = 0;
        while (points == 0 && System.nanoTime() < deadline) {
            points = admin.get("/api/loyalty/accounts/" + id + "/balance").json().path("points").asLong();
            Thread.sleep(50);
        }
        assertThat(points).as("welcome points of account " + id).isEqualTo(25);
        return id;
    }
}
