package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sales and customers switched off and on independently on the shared server: customers works
 * without sales; while customers is off, the sales routes that need it answer 503
 * {@code module_unavailable} (never 500) and the rest of sales keeps working.
 */
class SalesModuleToggleTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private final MosaicClient api = server.admin();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** Even when a test failed half-way: the classes after this one need both modules. */
    @AfterAll
    static void enableBoth() {
        server.admin().post("/api/platform/modules/customers/enable", null);
        server.admin().post("/api/platform/modules/sales/enable", null);
    }

    @Test
    void customers_keep_working_without_sales_and_sales_comes_back_with_its_data() {
        long account = id(api.post("/api/customers/accounts", "{\"name\":\"Toggle " + run + "\"}"));
        long deal = id(api.post("/api/sales/opportunities", "{\"name\":\"Toggle deal\",\"accountId\":" + account
                + ",\"closeDate\":\"2026-12-01\"}"));
        try {
            assertThat(api.post("/api/platform/modules/sales/disable", null).status()).isEqualTo(200);
            MosaicResponse off = api.get("/api/sales/opportunities/" + deal);
            assertThat(off.status()).isEqualTo(503);
            assertThat(off.error()).isEqualTo("module_unavailable");
            assertThat(api.get("/api/customers/accounts/" + account).status()).isEqualTo(200);
            assertThat(id(api.post("/api/customers/accounts", "{\"name\":\"Without sales " + run + "\"}"))).isPositive();
            // nothing of sales blocks the delete while sales is off: its AccountDependants is gone with it
            long other = id(api.post("/api/customers/accounts", "{\"name\":\"Deletable " + run + "\"}"));
            assertThat(api.delete("/api/customers/accounts/" + other).status()).isEqualTo(204);
        } finally {
            api.post("/api/platform/modules/sales/enable", null);
        }
        assertThat(api.get("/api/sales/opportunities/" + deal).status()).isEqualTo(200);
        assertThat(api.delete("/api/customers/accounts/" + account).status()).isEqualTo(409);   // the open deal again
    }

    @Test
    void without_customers_the_sales_routes_that_need_it_answer_503_and_the_others_keep_working() {
        long account = id(api.post("/api/customers/accounts", "{\"name\":\"Needed " + run + "\"}"));
        long lead = id(api.post("/api/sales/leads", "{\"lastName\":\"Waiting " + run + "\",\"company\":\"Waiting " + run + "\"}"));
        try {
            assertThat(api.post("/api/platform/modules/customers/disable", null).status()).isEqualTo(200);
            for (MosaicResponse needsCustomers : new MosaicResponse[] {
                    api.post("/api/sales/opportunities", "{\"name\":\"X\",\"accountId\":" + account + ",\"closeDate\":\"2026-12-01\"}"),
                    api.post("/api/sales/leads/" + lead + "/convert", "{}"),
                    api.post("/api/sales/activities", "{\"kind\":\"task\",\"subject\":\"X\",\"relatedType\":\"account\",\"relatedId\":" + account + "}"),
                    api.get("/api/sales/timeline?record=account:" + account)}) {
                assertThat(needsCustomers.status()).as(needsCustomers.body()).isEqualTo(503);
                assertThat(needsCustomers.error()).isEqualTo("module_unavailable");
            }
            assertThat(api.get("/api/sales/leads/" + lead).status()).isEqualTo(200);
            assertThat(api.get("/api/sales/opportunities?limit=5").status()).isEqualTo(200);
            assertThat(api.get("/api/sales/pipelines").status()).isEqualTo(200);
            assertThat(api.get("/api/sales/forecast?period=2026-Q4").status()).isEqualTo(200);
            assertThat(api.get("/api/sales/follow-ups?range=week").status()).isEqualTo(200);
            assertThat(id(api.post("/api/sales/leads", "{\"lastName\":\"Still " + run + "\"}"))).isPositive();
            assertThat(id(api.post("/api/sales/activities", "{\"kind\":\"task\",\"subject\":\"Still\",\"relatedType\":\"lead\",\"relatedId\":"
                    + lead + "}"))).isPositive();
        } finally {
            api.post("/api/platform/modules/customers/enable", null);
        }
        MosaicResponse converted = api.post("/api/sales/leads/" + lead + "/convert", "{}");
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
    }

    private static long id(MosaicResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }
}
