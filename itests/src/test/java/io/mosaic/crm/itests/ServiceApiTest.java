package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.RecordContract;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The customer service module over real HTTP on real MariaDB: the status workflow, SLA clocks on
 * cases in Europe/Berlin, the record contract of its types, and switching the module off and on.
 */
class ServiceApiTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);

    private final MosaicClient api = server.admin();

    /** Even when a test failed half-way: the classes after this one may need the module. */
    @AfterAll
    static void enableService() {
        server.admin().post("/api/platform/modules/service/enable", null);
    }

    private long account(String name) {
        MosaicResponse r = api.post("/api/customers/accounts", "{\"name\":\"" + name + " " + RUN + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private JsonNode created(String path, String json) {
        MosaicResponse r = api.post(path, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private JsonNode status(JsonNode kase, String status, int expected) {
        MosaicResponse r = api.patch("/api/service/cases/" + kase.path("id").asLong(), "{\"status\":\"" + status + "\"}",
                kase.path("version").asText());
        assertThat(r.status()).as(r.body()).isEqualTo(expected);
        return r.json();
    }

    @Test
    void a_case_gets_a_number_and_moves_only_along_allowed_transitions() {
        long account = account("Workflow");
        JsonNode kase = created("/api/service/cases",
                "{\"type\":\"incident\",\"subject\":\"Printer on fire\",\"accountId\":" + account + ",\"channel\":\"phone\"}");
        assertThat(kase.path("number").asText()).matches("CS-\\d{4}-\\d{6}");
        assertThat(kase.path("status").asText()).isEqualTo("new");
        assertThat(kase.path("statusCategory").asText()).isEqualTo("open");
        assertThat(kase.path("priority").asText()).isEqualTo("normal");

        JsonNode refused = status(kase, "closed", 422);
        assertThat(refused.path("error").asText()).isEqualTo("validation_failed");
        assertThat(refused.path("message").asText()).contains("assigned", "in_progress", "rejected", "duplicate");
        assertThat(refused.path("details").get(0).path("problem").asText()).isEqualTo("transition_not_allowed");
        assertThat(status(kase, "no_such_status", 422).path("details").get(0).path("problem").asText()).isEqualTo("unknown_status");

        kase = status(kase, "assigned", 200);
        kase = status(kase, "pending_customer", 200);
        assertThat(kase.path("statusCategory").asText()).isEqualTo("waiting");
        kase = status(kase, "resolved", 200);
        assertThat(kase.path("statusCategory").asText()).isEqualTo("closed");
        assertThat(kase.path("closedAt").asText()).endsWith("Z");
        assertThat(api.get("/api/service/cases/" + kase.path("id").asLong()).json()).isEqualTo(kase);   // stored as answered
        assertThat(status(kase, "rejected", 422).path("message").asText()).contains("closed", "in_progress");
        kase = status(kase, "in_progress", 200);   // reopened: a transition like any other
        assertThat(kase.path("statusCategory").asText()).isEqualTo("open");
        assertThat(kase.path("closedAt").isNull()).isTrue();

        JsonNode statuses = api.get("/api/service/statuses").json().path("items");
        assertThat(statuses.findValuesAsText("code")).contains("new", "pending_customer", "duplicate");
        MosaicResponse other = api.get("/api/service/cases?number=" + kase.path("number").asText());
        assertThat(other.json().path("items")).hasSize(1);
    }

    @Test
    void merging_a_duplicate_moves_its_comments_and_closes_it_as_duplicate() {
        long account = account("Merge");
        JsonNode keep = created("/api/service/cases", "{\"type\":\"incident\",\"subject\":\"VPN down\",\"accountId\":" + account + "}");
        JsonNode dup = created("/api/service/cases", "{\"type\":\"incident\",\"subject\":\"VPN broken\",\"accountId\":" + account + "}");
        created("/api/service/comments", "{\"caseId\":" + dup.path("id").asLong() + ",\"body\":\"Since 9:00\"}");
        String path = "/api/service/cases/" + dup.path("id").asLong() + "/merge";
        assertThat(api.send("POST", path, "{\"into\":" + keep.path("id").asLong() + "}", java.util.Map.of()).status()).isEqualTo(428);
        assertThat(api.send("POST", path, "{\"into\":" + dup.path("id").asLong() + "}", java.util.Map.of("If-Match", "\"1\"")).status())
                .isEqualTo(422);
        MosaicResponse merged = api.send("POST", path, "{\"into\":" + keep.path("id").asLong() + "}", java.util.Map.of("If-Match", "\"1\""));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        assertThat(merged.json().path("status").asText()).isEqualTo("duplicate");
        assertThat(merged.json().path("statusCategory").asText()).isEqualTo("closed");
        assertThat(merged.json().path("mergedIntoId").asLong()).isEqualTo(keep.path("id").asLong());
        assertThat(api.get("/api/service/comments?caseId=" + keep.path("id").asLong()).json().path("items").findValuesAsText("body"))
                .containsExactly("Since 9:00");
        assertThat(api.get("/api/service/comments?caseId=" + dup.path("id").asLong()).json().path("items")).isEmpty();
        assertThat(api.get("/api/service/cases/" + dup.path("id").asLong() + "/survey").status()).isEqualTo(404);  // no survey for a duplicate
    }

    @Test
    void a_case_needs_a_live_account_and_valid_values() {
        MosaicResponse r = api.post("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Who?\",\"accountId\":987654321}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("details").findValuesAsText("field")).contains("accountId");
        MosaicResponse bad = api.post("/api/service/cases", "{\"type\":\"rant\",\"subject\":\"\",\"priority\":\"asap\"}");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().path("details").findValuesAsText("field")).contains("type", "subject", "priority", "accountId");
        assertThat(api.post("/api/service/cases", "{\"type\":\"question\",\"subject\":\"x\",\"accountId\":1,\"number\":\"CS-1\"}")
                .status()).isEqualTo(422);   // the number is given, not taken
    }

    /**
     * SLA clocks in Europe/Berlin. So that due times do not depend on when the test runs, the
     * calendars are closed (by exceptions) from today until an anchor day before the next spring
     * DST change: business time starts there, and every due time below is counted by hand from it.
     */
    @Test
    void sla_due_times_follow_business_hours_over_a_weekend_a_holiday_a_night_shift_and_dst() {
        LocalDate today = LocalDate.now(BERLIN);
        ZoneOffsetTransition dst = BERLIN.getRules().nextTransition(Instant.now().plusSeconds(10 * 86_400));
        while (!dst.isGap()) {                                   // the next change into summer time
            dst = BERLIN.getRules().nextTransition(dst.getInstant());
        }
        LocalDate dstSunday = dst.getInstant().atZone(BERLIN).toLocalDate();           // a Sunday
        LocalDate friday = dstSunday.with(TemporalAdjusters.previous(DayOfWeek.FRIDAY));
        LocalDate saturday = friday.plusDays(1);
        LocalDate holidayMonday = dstSunday.plusDays(1);
        LocalDate tuesday = dstSunday.plusDays(2);

        String office = "{\"mon\":[[\"09:00\",\"17:00\"]],\"tue\":[[\"09:00\",\"17:00\"]],\"wed\":[[\"09:00\",\"17:00\"]],"
                + "\"thu\":[[\"09:00\",\"17:00\"]],\"fri\":[[\"09:00\",\"17:00\"]],\"sat\":[],\"sun\":[]}";
        long officeCalendar = created("/api/service/calendars", "{\"name\":\"Office " + RUN + "\",\"timeZone\":\"Europe/Berlin\","
                + "\"hours\":" + office + ",\"exceptions\":" + closed(today.minusDays(1), friday, holidayMonday) + "}").path("id").asLong();
        String nights = "{\"mon\":[[\"22:00\",\"06:00\"]],\"tue\":[[\"22:00\",\"06:00\"]],\"wed\":[[\"22:00\",\"06:00\"]],"
                + "\"thu\":[[\"22:00\",\"06:00\"]],\"fri\":[[\"22:00\",\"06:00\"]],\"sat\":[[\"22:00\",\"06:00\"]],\"sun\":[[\"22:00\",\"06:00\"]]}";
        long nightCalendar = created("/api/service/calendars", "{\"name\":\"Nights " + RUN + "\",\"timeZone\":\"Europe/Berlin\","
                + "\"hours\":" + nights + ",\"exceptions\":" + closed(today.minusDays(1), saturday, null) + "}").path("id").asLong();

        long account = account("SLA");
        long nightAccount = account("SLA nights");
        created("/api/service/sla-policies", "{\"name\":\"Urgent " + RUN + "\",\"order\":1,\"calendarId\":" + officeCalendar
                + ",\"conditions\":{\"priority\":[\"high\",\"urgent\"],\"accountId\":[" + account + "]},"
                + "\"targets\":{\"firstResponse\":60,\"nextResponse\":120,\"resolution\":300}}");
        created("/api/service/sla-policies", "{\"name\":\"Standard " + RUN + "\",\"order\":2,\"calendarId\":" + officeCalendar
                + ",\"conditions\":{\"accountId\":[" + account + "]},"
                + "\"targets\":{\"firstResponse\":120,\"nextResponse\":240,\"resolution\":960}}");
        created("/api/service/sla-policies", "{\"name\":\"Nights " + RUN + "\",\"order\":3,\"calendarId\":" + nightCalendar
                + ",\"conditions\":{\"accountId\":[" + nightAccount + "]},\"targets\":{\"resolution\":480}}");

        JsonNode kase = created("/api/service/cases", "{\"type\":\"problem\",\"subject\":\"Slow\",\"accountId\":" + account + "}");
        JsonNode sla = kase.path("sla");
        // first response 120: Friday 09:00–11:00
        assertClock(sla.path("firstResponse"), 120, at(friday, "11:00"), "on_track");
        // resolution 960: Friday 480, weekend, Sunday's DST change, Monday a holiday, Tuesday 480 → 17:00 CEST
        assertClock(sla.path("resolution"), 960, at(tuesday, "17:00"), "on_track");
        assertThat(sla.path("nextResponse").isNull()).isTrue();
        assertThat(sla.path("resolution").path("dueAtLocal").asText()).isEqualTo(tuesday + "T17:00+02:00");

        kase = status(kase, "assigned", 200);
        kase = status(kase, "pending_customer", 200);            // paused while waiting for the customer
        assertThat(kase.path("sla").path("resolution").path("state").asText()).isEqualTo("paused");
        assertThat(kase.path("sla").path("resolution").path("dueAt").isNull()).isTrue();
        kase = status(kase, "in_progress", 200);
        assertClock(kase.path("sla").path("resolution"), 960, at(tuesday, "17:00"), "on_track");

        // a priority raise applies the urgent targets: resolution 300 → Friday 14:00 CET
        MosaicResponse raised = api.patch("/api/service/cases/" + kase.path("id").asLong(), "{\"priority\":\"urgent\"}",
                kase.path("version").asText());
        assertThat(raised.status()).as(raised.body()).isEqualTo(200);
        assertClock(raised.json().path("sla").path("resolution"), 300, at(friday, "14:00"), "on_track");
        assertClock(raised.json().path("sla").path("firstResponse"), 60, at(friday, "10:00"), "on_track");

        // a customer-visible agent comment is the first response: the clock is met
        long caseId = kase.path("id").asLong();
        created("/api/service/comments", "{\"caseId\":" + caseId + ",\"body\":\"Looking into it\",\"visibility\":\"customer\"}");
        JsonNode afterReply = api.get("/api/service/cases/" + caseId).json().path("sla");
        assertThat(afterReply.path("firstResponse").path("state").asText()).isEqualTo("met");
        // the customer answers: the next-response clock runs, 120 minutes from Friday 09:00
        created("/api/service/comments", "{\"caseId\":" + caseId + ",\"body\":\"Still slow\",\"visibility\":\"customer\",\"authorKind\":\"customer\"}");
        assertClock(api.get("/api/service/cases/" + caseId).json().path("sla").path("nextResponse"), 120, at(friday, "11:00"), "on_track");

        // a night shift from Saturday 22:00 CET to Sunday 06:00 CEST lasts 7 hours: 480 → Sunday 23:00 CEST
        JsonNode night = created("/api/service/cases", "{\"type\":\"incident\",\"subject\":\"Night\",\"accountId\":" + nightAccount + "}");
        assertClock(night.path("sla").path("resolution"), 480, at(dstSunday, "23:00"), "on_track");
        assertThat(night.path("sla").path("firstResponse").isNull()).isTrue();
    }

    /** Exceptions closing every day from {@code from} to the day before {@code open}, and {@code holiday}. */
    private static String closed(LocalDate from, LocalDate open, LocalDate holiday) {
        List<String> days = new ArrayList<>();
        for (LocalDate day = from; day.isBefore(open); day = day.plusDays(1)) {
            days.add("{\"date\":\"" + day + "\",\"hours\":[]}");
        }
        if (holiday != null) {
            days.add("{\"date\":\"" + holiday + "\",\"hours\":[]}");
        }
        return "[" + String.join(",", days) + "]";
    }

    private static Instant at(LocalDate day, String time) {
        return day.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
    }

    private static void assertClock(JsonNode clock, int target, Instant due, String state) {
        assertThat(clock.path("targetMinutes").asInt()).as(clock.toString()).isEqualTo(target);
        assertThat(Instant.parse(clock.path("dueAt").asText())).as(clock.toString()).isEqualTo(due);
        assertThat(clock.path("elapsedMinutes").asLong()).as(clock.toString()).isZero();
        assertThat(clock.path("state").asText()).as(clock.toString()).isEqualTo(state);
    }

    /** The module swaps on its own: refreshing its bundle under load fails no request, and its types stay. */
    @Test
    void refreshing_the_service_bundle_under_load_fails_no_request() throws Exception {
        String location = api.post("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Swap proof\",\"accountId\":"
                + account("Swap") + "}").header("Location");
        long bundle = -1;
        for (JsonNode b : api.get("/api/platform/bundles").json().path("items")) {
            if (b.path("symbolicName").asText().equals("io.mosaic.crm.service")) {
                bundle = b.path("id").asLong();
            }
        }
        assertThat(bundle).isPositive();
        try (LoadLoop one = new LoadLoop(api, location, 200, 2, 1_000_000);
                LoadLoop list = new LoadLoop(api, "/api/service/cases?limit=5", 200, 2, 1_000_000)) {
            for (int i = 0; i < 3; i++) {
                long before = one.succeeded() + list.succeeded();
                MosaicResponse refreshed = api.post("/api/platform/bundles/" + bundle + "/refresh", null);
                assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
                for (int wait = 0; wait < 300 && one.succeeded() + list.succeeded() <= before + 6; wait++) {
                    Thread.sleep(100);                           // clients keep going
                }
            }
            one.close();
            list.close();
            assertThat(one.failures()).as("failed requests for one case").isEmpty();
            assertThat(list.failures()).as("failed list requests").isEmpty();
        }
        assertThat(api.get("/api/metadata/service/cases").status()).isEqualTo(200);
        assertThat(api.get(location).json().path("subject").asText()).isEqualTo("Swap proof");
    }

    @Test
    void calendars_refuse_bad_zones_and_hours() {
        MosaicResponse r = api.post("/api/service/calendars", "{\"name\":\"Bad " + RUN + "\",\"timeZone\":\"+01:00\","
                + "\"hours\":{\"monday\":[[\"9\",\"17\"]]},\"exceptions\":[{\"date\":\"2026-02-30\",\"hours\":[]}]}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("details").findValuesAsText("field")).contains("timeZone", "hours", "exceptions");
    }

    @Test
    void disabling_the_module_leaves_customers_untouched_and_enabling_restores_it() {
        long account = account("Toggle");
        String location = api.post("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Kept\",\"accountId\":" + account + "}")
                .header("Location");
        try {
            assertThat(api.post("/api/platform/modules/service/disable", null).status()).isEqualTo(200);
            MosaicResponse off = api.get(location);
            assertThat(off.status()).isEqualTo(503);
            assertThat(off.error()).isEqualTo("module_unavailable");
            assertThat(api.get("/api/customers/accounts/" + account).status()).isEqualTo(200);
            assertThat(api.post("/api/customers/accounts", "{\"name\":\"While off " + RUN + "\"}").status()).isEqualTo(201);
            MosaicResponse survey = server.anonymous().get("/api/service/surveys/" + "A".repeat(43));
            assertThat(survey.status()).as("the public survey route while the module is off").isEqualTo(503);
            assertThat(survey.error()).isEqualTo("module_unavailable");
        } finally {
            assertThat(api.post("/api/platform/modules/service/enable", null).status()).isEqualTo(200);
        }
        assertThat(api.get(location).json().path("subject").asText()).isEqualTo("Kept");
    }

    private JsonNode closedCase(long account, String team) {
        JsonNode kase = created("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Survey me " + RUN
                + "\",\"accountId\":" + account + (team == null ? "" : ",\"team\":\"" + team + "\"") + "}");
        kase = status(kase, "in_progress", 200);
        return status(kase, "resolved", 200);
    }

    @Test
    void closing_a_case_creates_a_single_use_survey_answered_without_credentials() {
        String team = "csat-" + RUN;
        JsonNode kase = closedCase(account("CSAT"), team);
        MosaicResponse link = api.get("/api/service/cases/" + kase.path("id").asLong() + "/survey");
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String token = link.json().path("token").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43}");                  // 256 random bits
        assertThat(link.json().path("url").asText()).endsWith("/api/service/surveys/" + token);
        assertThat(link.json().path("answered").asBoolean()).isFalse();
        assertThat(Instant.parse(link.json().path("expiresAt").asText())).isAfter(Instant.now());

        MosaicClient anonymous = server.anonymous();
        MosaicResponse shown = anonymous.get("/api/service/surveys/" + token);
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("subject").asText()).isEqualTo("Survey me " + RUN);
        assertThat(anonymous.post("/api/service/surveys/" + token, "{\"score\":6}").status()).isEqualTo(422);
        assertThat(anonymous.post("/api/service/surveys/" + token, "{\"score\":\"5\"}").status()).isEqualTo(422);
        assertThat(anonymous.post("/api/service/surveys/" + token, "{\"score\":5,\"extra\":1}").status()).isEqualTo(422);
        assertThat(anonymous.post("/api/service/surveys/" + token, "{\"score\":5,\"comment\":\"" + "x".repeat(1001) + "\"}")
                .status()).isEqualTo(422);
        MosaicResponse answered = anonymous.post("/api/service/surveys/" + token, "{\"score\":5,\"comment\":\"Quick and kind\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        MosaicResponse again = anonymous.post("/api/service/surveys/" + token, "{\"score\":1}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("conflict");
        assertThat(api.get("/api/service/cases/" + kase.path("id").asLong() + "/survey").json().path("answered").asBoolean()).isTrue();

        assertThat(anonymous.get("/api/service/surveys/" + "B".repeat(43)).status()).isEqualTo(404);
        assertThat(anonymous.get("/api/service/surveys/not-a-token").status()).isEqualTo(404);
        assertThat(anonymous.get("/api/service/cases/" + kase.path("id").asLong() + "/survey").status()).isEqualTo(401);

        JsonNode csat = api.get("/api/service/csat?groupBy=team").json().path("items");
        JsonNode ours = null;
        for (JsonNode row : csat) {
            if (team.equals(row.path("group").asText())) {
                ours = row;
            }
        }
        assertThat(ours).as(csat.toString()).isNotNull();
        assertThat(ours.path("count").asLong()).isEqualTo(1);
        assertThat(ours.path("average").decimalValue()).isEqualByComparingTo("5");
        assertThat(ours.path("satisfiedShare").decimalValue()).isEqualByComparingTo("1");
        assertThat(api.get("/api/service/csat?groupBy=planet").status()).isEqualTo(400);
        assertThat(api.get("/api/platform/metrics").body()).contains("service.surveys.answered");
    }

    @Test
    void an_expired_survey_is_not_found() throws InterruptedException {
        SavedConfig saved = SavedConfig.of(api, "io.mosaic.crm.service", "surveyValiditySeconds");
        try {
            assertThat(api.patch("/api/platform/config/io.mosaic.crm.service", "{\"surveyValiditySeconds\":1}", null).status())
                    .isEqualTo(200);
            JsonNode kase = closedCase(account("Expiry"), null);
            String token = api.get("/api/service/cases/" + kase.path("id").asLong() + "/survey").json().path("token").asText();
            Thread.sleep(1500);                                   // past the one-second validity
            assertThat(server.anonymous().get("/api/service/surveys/" + token).status()).isEqualTo(404);
            assertThat(server.anonymous().post("/api/service/surveys/" + token, "{\"score\":3}").status()).isEqualTo(404);
        } finally {
            saved.restore(api);
        }
    }

    @Test
    void the_public_survey_routes_are_rate_limited_per_address() {
        SavedConfig saved = SavedConfig.of(api, "io.mosaic.crm.service", "surveyRequestsPerMinute");
        try {
            assertThat(api.patch("/api/platform/config/io.mosaic.crm.service", "{\"surveyRequestsPerMinute\":5}", null).status())
                    .isEqualTo(200);
            MosaicResponse limited = null;
            for (int i = 0; i < 12 && limited == null; i++) {    // 12 requests over at most two one-minute windows
                MosaicResponse r = server.anonymous().get("/api/service/surveys/" + "C".repeat(43));
                if (r.status() == 429) {
                    limited = r;
                } else {
                    assertThat(r.status()).isEqualTo(404);
                }
            }
            assertThat(limited).as("a 429 after 5 requests a minute").isNotNull();
            assertThat(limited.error()).isEqualTo("too_many_requests");
            assertThat(limited.header("Retry-After")).isNotBlank();
            assertThat(api.get("/api/platform/metrics").body()).contains("service.surveys.throttled");
        } finally {
            saved.restore(api);
        }
    }

    @Test
    void the_sla_report_counts_measured_met_and_breached_per_clock_in_sql() {
        long calendar = created("/api/service/calendars", "{\"name\":\"Report " + RUN + "\",\"timeZone\":\"Europe/Berlin\","
                + "\"hours\":{\"sat\":[[\"00:00\",\"24:00\"]]},\"exceptions\":null}").path("id").asLong();
        long account = account("Report");
        created("/api/service/sla-policies", "{\"name\":\"Report " + RUN + "\",\"order\":50,\"calendarId\":" + calendar
                + ",\"conditions\":{\"accountId\":[" + account + "]},\"targets\":{\"firstResponse\":600000,\"resolution\":600000}}");
        String team = "report-" + RUN;
        long answered = created("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Answered\",\"accountId\":" + account
                + ",\"team\":\"" + team + "\"}").path("id").asLong();
        created("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Waiting\",\"accountId\":" + account
                + ",\"team\":\"" + team + "\"}");
        created("/api/service/comments", "{\"caseId\":" + answered + ",\"body\":\"Hello\",\"visibility\":\"customer\"}");

        MosaicResponse report = api.get("/api/service/sla/report?groupBy=team&from=" + LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode first = null;
        for (JsonNode row : report.json().path("items")) {
            if (team.equals(row.path("group").asText()) && row.path("clock").asText().equals("firstResponse")) {
                first = row;
            }
        }
        assertThat(first).as(report.body()).isNotNull();
        assertThat(first.path("measured").asLong()).isEqualTo(2);
        assertThat(first.path("met").asLong()).isEqualTo(1);
        assertThat(first.path("breached").asLong()).isZero();
        assertThat(first.path("passRate").decimalValue()).isEqualByComparingTo("1");
        assertThat(api.get("/api/service/sla/report?from=yesterday").status()).isEqualTo(400);
    }

    @Test
    void a_team_assigns_new_cases_round_robin_or_to_the_least_busy_active_member() {
        long account = account("Teams");
        String robin = "robin-" + RUN;
        created("/api/service/teams", "{\"name\":\"" + robin + "\",\"assignment\":\"round_robin\",\"members\":["
                + "{\"userId\":101,\"active\":true},{\"userId\":102,\"active\":false},{\"userId\":103,\"active\":true}]}");
        List<Integer> turns = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            turns.add(created("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Turn " + i + "\",\"accountId\":" + account
                    + ",\"team\":\"" + robin + "\"}").path("assigneeId").asInt());
        }
        assertThat(turns).containsExactly(101, 103, 101, 103);      // 102 is not active
        JsonNode given = created("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Mine\",\"accountId\":" + account
                + ",\"team\":\"" + robin + "\",\"assigneeId\":555}");
        assertThat(given.path("assigneeId").asInt()).isEqualTo(555);     // an assignee given is kept

        String busy = "busy-" + RUN;
        created("/api/service/teams", "{\"name\":\"" + busy + "\",\"assignment\":\"least_busy\",\"members\":["
                + "{\"userId\":201,\"active\":true},{\"userId\":202,\"active\":true}]}");
        String open = "{\"type\":\"question\",\"subject\":\"Busy\",\"accountId\":" + account + ",\"team\":\"" + busy + "\"";
        created("/api/service/cases", open + ",\"assigneeId\":201}");
        JsonNode second = created("/api/service/cases", open + ",\"assigneeId\":201}");
        assertThat(created("/api/service/cases", open + "}").path("assigneeId").asInt()).isEqualTo(202);  // 201 has 2 open, 202 none
        assertThat(created("/api/service/cases", open + "}").path("assigneeId").asInt()).isEqualTo(202);  // 2 : 1
        status(status(second, "in_progress", 200), "resolved", 200);                                   // 201 now has 1 open
        assertThat(created("/api/service/cases", open + "}").path("assigneeId").asInt()).isEqualTo(201);  // 1 : 2, ties go first
    }

    @Test
    void the_knowledge_base_renders_markdown_safely_and_ranks_the_matching_article_first() {
        String word = "zq" + RUN.replaceAll("[^a-z]", "x") + "printer";
        JsonNode best = created("/api/service/articles", "{\"title\":\"Fix the " + word + " jam\",\"body\":\"When the " + word
                + " jams, open the " + word + " tray.<script>alert(1)</script> **Then** restart.\",\"tags\":[\"hardware\"]}");
        assertThat(best.path("status").asText()).isEqualTo("draft");
        assertThat(best.path("html").asText()).contains("<strong>Then</strong>", "&lt;script&gt;").doesNotContain("<script>");
        JsonNode weaker = created("/api/service/articles", "{\"title\":\"Office supplies\",\"body\":\"Paper, toner and the " + word
                + " manual.\"}");
        created("/api/service/articles", "{\"title\":\"Unrelated " + word + " draft\",\"body\":\"" + word + " " + word + " " + word + "\"}");

        assertThat(api.get("/api/service/articles/search?q=" + word).json().path("items")).isEmpty();   // nothing published yet
        for (String operators : List.of("*", "%2B-~", "%22", "()")) {                     // full-text operators are no words
            MosaicResponse r = api.get("/api/service/articles/search?q=" + operators);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().path("items")).isEmpty();
        }
        MosaicResponse emptied = api.patch("/api/service/articles/" + weaker.path("id").asLong(), "{\"status\":\"\"}",
                weaker.path("version").asText());
        assertThat(emptied.status()).as(emptied.body()).isEqualTo(422);                    // a status is required
        for (JsonNode article : List.of(best, weaker)) {
            JsonNode review = api.patch("/api/service/articles/" + article.path("id").asLong(), "{\"status\":\"in_review\"}",
                    article.path("version").asText()).json();
            assertThat(api.patch("/api/service/articles/" + article.path("id").asLong(), "{\"status\":\"published\"}",
                    review.path("version").asText()).status()).isEqualTo(200);
        }
        assertThat(api.patch("/api/service/articles/" + best.path("id").asLong(), "{\"status\":\"in_review\"}", "\"3\"")
                .status()).isEqualTo(422);   // published → in_review is not a step

        JsonNode hits = api.get("/api/service/articles/search?q=" + word + "+jam").json().path("items");
        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).path("id").asLong()).isEqualTo(best.path("id").asLong());

        long kase = created("/api/service/cases", "{\"type\":\"incident\",\"subject\":\"My " + word + " jams\",\"accountId\":"
                + account("KB") + "}").path("id").asLong();
        JsonNode suggested = api.get("/api/service/cases/" + kase + "/suggested-articles").json().path("items");
        assertThat(suggested.get(0).path("id").asLong()).isEqualTo(best.path("id").asLong());
        assertThat(api.post("/api/service/articles", "{\"title\":\"Linked\",\"body\":\"x\",\"caseIds\":[987654321]}").status())
                .isEqualTo(422);
        assertThat(api.post("/api/service/articles", "{\"title\":\"Linked\",\"body\":\"x\",\"caseIds\":[" + kase + "]}").status())
                .isEqualTo(201);
    }

    @TestFactory
    Stream<DynamicTest> articles_follow_the_record_contract() {
        return RecordContract.of("/api/service/articles", "service.articles")
                .sample(n -> "{\"title\":\"Contract " + n + "\",\"body\":\"Body " + n + "\"}")
                .patch("{\"tags\":[\"a\",\"b\"]}", "tags")
                .invalid("{\"title\":\"\",\"body\":\"\",\"status\":\"gone\"}", "title", "body", "status")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> teams_follow_the_record_contract() {
        return RecordContract.of("/api/service/teams", "service.teams")
                .sample(n -> "{\"name\":\"Contract " + n + "\",\"members\":[{\"userId\":" + n + ",\"active\":true}]}")
                .duplicateOf(n -> "{\"name\":\"CONTRACT " + n + "\",\"members\":[]}")
                .patch("{\"assignment\":\"least_busy\"}", "assignment")
                .invalid("{\"name\":\"\",\"assignment\":\"random\",\"members\":[{\"userId\":0}]}", "name", "assignment", "members")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> comments_follow_the_record_contract() {
        long kase = created("/api/service/cases", "{\"type\":\"question\",\"subject\":\"Comment contract\",\"accountId\":"
                + account("Contract comments") + "}").path("id").asLong();
        return RecordContract.of("/api/service/comments", "service.comments")
                .sample(n -> "{\"caseId\":" + kase + ",\"body\":\"Comment " + n + "\"}")
                .patch("{\"body\":\"Changed\"}", "body")
                .invalid("{\"caseId\":987654321,\"body\":\"\",\"visibility\":\"world\"}", "caseId", "body", "visibility")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> cases_follow_the_record_contract() {
        long account = account("Contract cases");
        return RecordContract.of("/api/service/cases", "service.cases")
                .sample(n -> "{\"type\":\"question\",\"subject\":\"Contract " + n + "\",\"accountId\":" + account + "}")
                .patch("{\"priority\":\"high\"}", "priority")
                .invalid("{\"type\":\"rant\",\"subject\":\"\",\"accountId\":" + account + "}", "type", "subject")
                .hiddenField("description", "{\"description\":\"secret notes\"}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> calendars_follow_the_record_contract() {
        return RecordContract.of("/api/service/calendars", "service.calendars")
                .sample(n -> "{\"name\":\"Contract " + n + "\",\"timeZone\":\"Europe/Berlin\",\"hours\":{\"mon\":[[\"09:00\",\"17:00\"]]}}")
                .duplicateOf(n -> "{\"name\":\"CONTRACT " + n + "\",\"timeZone\":\"Europe/Paris\",\"hours\":{}}")
                .patch("{\"timeZone\":\"Europe/Paris\"}", "timeZone")
                .invalid("{\"name\":\"\",\"timeZone\":\"Mars/Olympus\",\"hours\":{\"mon\":[[\"25:00\",\"17:00\"]]}}", "name", "timeZone", "hours")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> sla_policies_follow_the_record_contract() {
        long calendar = created("/api/service/calendars", "{\"name\":\"Contract policies " + RUN + "\",\"timeZone\":\"Europe/Berlin\","
                + "\"hours\":{}}").path("id").asLong();
        return RecordContract.of("/api/service/sla-policies", "service.sla-policies")
                .sample(n -> "{\"name\":\"Contract " + n + "\",\"order\":" + n % 1_000_000 + ",\"calendarId\":" + calendar
                        + ",\"active\":false,\"targets\":{\"resolution\":480}}")
                .duplicateOf(n -> "{\"name\":\"CONTRACT " + n + "\",\"order\":1,\"calendarId\":" + calendar
                        + ",\"active\":false,\"targets\":{\"resolution\":60}}")
                .patch("{\"order\":7}", "order")
                .invalid("{\"name\":\"\",\"order\":-1,\"calendarId\":" + calendar + ",\"targets\":{\"bogus\":1}}", "name", "order", "targets")
                .tests(server.admin(), server::as);
    }
}
