package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.time.Instant;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A real SLA breach on the shared server: a one-minute first-response target on a round-the-clock
 * calendar, the sweep looking every second, and the breach announced exactly once.
 *
 * <p>The minute is real business time, so this class runs beside the others ({@code CONCURRENT},
 * see {@code junit-platform.properties}; every other class runs one after another) instead of
 * idling the suite. Other classes switch and refresh the service module meanwhile: it waits
 * through a 503, and it touches nothing but its own calendar, policy, account and case. Its case's
 * clock moves in the case list, which the route fuzz test compares before and after each batch:
 * the two never run at once ({@link TestLocks#RECORD_LISTS}). It starts first ({@code @Order}),
 * so that its minute passes while the rest of the suite runs.
 */
@Order(0)
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(TestLocks.RECORD_LISTS)
class SlaBreachTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final String ALWAYS = "[[\"00:00\",\"24:00\"]]";

    private final MosaicClient api = server.admin();

    @Test
    void a_breach_is_announced_once() throws InterruptedException {
        SavedConfig saved = SavedConfig.of(api, "io.mosaic.crm.service", "breachSweepSeconds");
        try {
            assertThat(api.patch("/api/platform/config/io.mosaic.crm.service", "{\"breachSweepSeconds\":1}", null).status())
                    .isEqualTo(200);
            long calendar = created("/api/service/calendars", "{\"name\":\"Always " + RUN + "\",\"timeZone\":\"Europe/Berlin\","
                    + "\"hours\":{\"mon\":" + ALWAYS + ",\"tue\":" + ALWAYS + ",\"wed\":" + ALWAYS + ",\"thu\":" + ALWAYS
                    + ",\"fri\":" + ALWAYS + ",\"sat\":" + ALWAYS + ",\"sun\":" + ALWAYS + "}}").path("id").asLong();
            long account = created("/api/customers/accounts", "{\"name\":\"Breach " + RUN + "\"}").path("id").asLong();
            created("/api/service/sla-policies", "{\"name\":\"One minute " + RUN + "\",\"order\":60,\"calendarId\":" + calendar
                    + ",\"conditions\":{\"accountId\":[" + account + "]},\"targets\":{\"firstResponse\":1,\"resolution\":100000}}");
            long before = breachesPosted();
            JsonNode kase = created("/api/service/cases", "{\"type\":\"incident\",\"subject\":\"Hurry\",\"accountId\":" + account + "}");
            Instant due = Instant.parse(kase.path("createdAt").asText()).plusSeconds(60);
            JsonNode clock = kase.path("sla").path("firstResponse");
            assertThat(Instant.parse(clock.path("dueAt").asText())).isEqualTo(due);

            for (int i = 0; i < 180 && (!clock.path("state").asText().equals("breached") || breachesPosted() == before); i++) {
                Thread.sleep(1000);                              // waiting for the target to pass, not measuring
                MosaicResponse r = api.get("/api/service/cases/" + kase.path("id").asLong());
                clock = r.status() == 200 ? r.json().path("sla").path("firstResponse") : clock;
            }
            assertThat(clock.path("state").asText()).isEqualTo("breached");
            assertThat(Instant.parse(clock.path("dueAt").asText())).isEqualTo(due);
            Thread.sleep(3000);                                  // a few more sweeps
            assertThat(breachesPosted()).isEqualTo(before + 1);
        } finally {
            saved.restore(api);
        }
    }

    /** Creating waits through the moments another class has the module switched off. */
    private JsonNode created(String path, String json) throws InterruptedException {
        MosaicResponse r = api.post(path, json);
        for (int i = 0; i < 100 && r.status() == 503; i++) {
            Thread.sleep(100);
            r = api.post(path, json);
        }
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** First-response breaches posted so far: no other test sets a target that passes within minutes. */
    private long breachesPosted() {
        JsonNode meters = api.get("/api/platform/metrics").json().path("meters").path("service.sla.breaches.firstResponse");
        return meters.isArray() && meters.size() > 0 ? meters.get(0).path("count").asLong() : 0;
    }
}
