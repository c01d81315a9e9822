package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sales module over real HTTP on the shared server: pipelines and stages, opportunities and
 * their stage history, leads with dedupe and conversion, activities, follow-ups across a DST change,
 * the timeline and the account-delete rule. The forecast has its own class (SalesForecastTest).
 */
class SalesApiTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private final MosaicClient api = server.admin();
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private JsonNode created(MosaicResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private long account(String name) {
        return created(api.post("/api/customers/accounts", "{\"name\":\"" + name + " " + run + "\"}")).path("id").asLong();
    }

    private JsonNode opportunity(long account, String extra) {
        return created(api.post("/api/sales/opportunities", "{\"name\":\"Deal " + run + "\",\"accountId\":" + account
                + ",\"amount\":\"12500.00\",\"currency\":\"EUR\",\"closeDate\":\"2026-12-15\"" + extra + "}"));
    }

    private JsonNode patch(String path, String body) {
        String version = api.get(path).json().path("version").asText();
        MosaicResponse r = api.patch(path, body, version);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void an_activity_of_an_unknown_kind_is_422_whatever_its_status() {
        // found by RouteFuzzTest: the kind's status rules ran on a kind the field check had refused (500)
        for (String status : new String[] {"planned", "not_started", "bogus"}) {
            var r = api.post("/api/sales/activities", "{\"kind\":\"" + "x".repeat(300) + "\",\"subject\":\"Fuzz\",\"status\":\""
                    + status + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("kind");
        }
    }

    @Test
    void the_default_pipeline_is_seeded_and_a_new_pipeline_has_exactly_one_won_and_one_lost_stage() {
        JsonNode pipelines = api.get("/api/sales/pipelines?limit=500").json().path("items");
        JsonNode seeded = null;
        for (JsonNode p : pipelines) {
            if (p.path("isDefault").asBoolean()) {
                seeded = p;
            }
        }
        assertThat(seeded).as(pipelines.toString()).isNotNull();
        JsonNode stages = api.get("/api/sales/stages?pipelineId=" + seeded.path("id").asLong() + "&sort=position").json().path("items");
        List<String> keys = new ArrayList<>();
        List<Integer> probabilities = new ArrayList<>();
        stages.forEach(s -> { keys.add(s.path("key").asText()); probabilities.add(s.path("probability").asInt()); });
        assertThat(keys).containsExactly("prospecting", "qualification", "proposal", "negotiation", "closed_won", "closed_lost");
        assertThat(probabilities).containsExactly(10, 20, 50, 80, 100, 0);

        long pipeline = created(api.post("/api/sales/pipelines", "{\"name\":\"Renewals " + run + "\"}")).path("id").asLong();
        JsonNode own = api.get("/api/sales/stages?pipelineId=" + pipeline).json().path("items");
        assertThat(own.findValuesAsText("forecastCategory")).containsExactlyInAnyOrder("closed_won", "closed_lost");

        MosaicResponse secondWon = api.post("/api/sales/stages", "{\"pipelineId\":" + pipeline
                + ",\"key\":\"won_again\",\"label\":\"Won again\",\"position\":5,\"probability\":100,\"forecastCategory\":\"closed_won\"}");
        assertThat(secondWon.status()).as(secondWon.body()).isEqualTo(422);
        assertThat(secondWon.json().path("details").findValuesAsText("problem")).contains("one_per_pipeline");

        long wonStage = 0;
        for (JsonNode s : own) {
            if (s.path("forecastCategory").asText().equals("closed_won")) {
                wonStage = s.path("id").asLong();
            }
        }
        assertThat(api.delete("/api/sales/stages/" + wonStage).status()).isEqualTo(409);

        long talk = created(api.post("/api/sales/stages", "{\"pipelineId\":" + pipeline
                + ",\"key\":\"talk\",\"label\":\"Talk\",\"position\":1,\"probability\":30,\"forecastCategory\":\"pipeline\"}")).path("id").asLong();
        long account = account("Pipeline user");
        long deal = opportunity(account, ",\"pipelineId\":" + pipeline).path("id").asLong();
        MosaicResponse inUse = api.delete("/api/sales/stages/" + talk);
        assertThat(inUse.status()).as(inUse.body()).isEqualTo(409);
        assertThat(api.get("/api/sales/opportunities/" + deal).json().path("stage").asText()).isEqualTo("talk");
        assertThat(api.delete("/api/sales/opportunities/" + deal).status()).isEqualTo(204);
        assertThat(api.delete("/api/sales/stages/" + talk).status()).isEqualTo(204);
    }

    @Test
    void an_opportunity_takes_probability_and_category_from_its_stage_and_records_every_stage_change() {
        long account = account("Stages");
        JsonNode deal = opportunity(account, "");
        String path = "/api/sales/opportunities/" + deal.path("id").asLong();
        assertThat(deal.path("stage").asText()).isEqualTo("prospecting");
        assertThat(deal.path("probability").asInt()).isEqualTo(10);
        assertThat(deal.path("forecastCategory").asText()).isEqualTo("pipeline");
        assertThat(deal.path("amount").asText()).isEqualTo("12500.00");

        JsonNode proposal = patch(path, "{\"stage\":\"proposal\"}");
        assertThat(proposal.path("probability").asInt()).isEqualTo(50);
        assertThat(proposal.path("forecastCategory").asText()).isEqualTo("best_case");
        assertThat(patch(path, "{\"probability\":65}").path("probability").asInt()).isEqualTo(65);   // overridden

        MosaicResponse noReason = api.patch(path, "{\"stage\":\"closed_lost\"}", api.get(path).json().path("version").asText());
        assertThat(noReason.status()).as(noReason.body()).isEqualTo(422);
        assertThat(noReason.json().path("details").findValuesAsText("field")).contains("lostReason");

        JsonNode lost = patch(path, "{\"stage\":\"closed_lost\",\"lostReason\":\"price\"}");
        assertThat(lost.path("lastStage").asText()).isEqualTo("proposal");
        assertThat(lost.path("probability").asInt()).isZero();
        assertThat(lost.path("forecastCategory").asText()).isEqualTo("closed_lost");

        JsonNode history = api.get(path + "/stage-history").json().path("items");
        assertThat(history.findValuesAsText("to")).containsExactly("prospecting", "proposal", "closed_lost");
        assertThat(history.get(1).path("from").asText()).isEqualTo("prospecting");
        assertThat(history.get(1).path("probability").asInt()).isEqualTo(50);
        assertThat(history.get(1).path("amount").asText()).isEqualTo("12500.00");
        assertThat(history.get(1).path("userId").asLong()).isPositive();
        assertThat(history.get(0).path("secondsInStage").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(api.get(path + "/history").json().path("items").findValuesAsText("kind")).contains("STAGE_CHANGED");

        MosaicResponse unknown = api.post("/api/sales/opportunities", "{\"name\":\"X\",\"accountId\":" + account
                + ",\"closeDate\":\"2026-12-01\",\"stage\":\"nowhere\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("details").findValuesAsText("problem")).contains("unknown_stage");
        MosaicResponse noAccount = api.post("/api/sales/opportunities", "{\"name\":\"X\",\"accountId\":987654321,\"closeDate\":\"2026-12-01\"}");
        assertThat(noAccount.status()).isEqualTo(422);
        assertThat(noAccount.json().path("details").findValuesAsText("problem")).contains("unknown_reference");
    }

    @Test
    void the_stage_report_counts_conversion_from_stage_to_stage_from_the_history() {
        long pipeline = created(api.post("/api/sales/pipelines", "{\"name\":\"Funnel " + run + "\"}")).path("id").asLong();
        for (String stage : new String[] {"first:1:20", "second:2:60"}) {
            String[] p = stage.split(":");
            created(api.post("/api/sales/stages", "{\"pipelineId\":" + pipeline + ",\"key\":\"" + p[0] + "\",\"label\":\"" + p[0]
                    + "\",\"position\":" + p[1] + ",\"probability\":" + p[2] + ",\"forecastCategory\":\"pipeline\"}"));
        }
        long account = account("Funnel");
        opportunity(account, ",\"pipelineId\":" + pipeline);
        long winner = opportunity(account, ",\"pipelineId\":" + pipeline).path("id").asLong();
        patch("/api/sales/opportunities/" + winner, "{\"stage\":\"second\"}");
        patch("/api/sales/opportunities/" + winner, "{\"stage\":\"closed_won\"}");

        JsonNode report = api.get("/api/sales/pipelines/" + pipeline + "/stage-report").json().path("items");
        assertThat(report.findValuesAsText("stage")).containsExactly("first", "second", "closed_won", "closed_lost");
        assertThat(report.get(0).path("entered").asLong()).isEqualTo(2);
        assertThat(report.get(0).path("movedOn").asLong()).isEqualTo(1);
        assertThat(report.get(0).path("conversion").asText()).isEqualTo("0.5000");
        assertThat(report.get(0).path("winRate").asText()).isEqualTo("0.5000");
        assertThat(report.get(0).path("avgSecondsInStage").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(report.get(1).path("entered").asLong()).isEqualTo(1);
        assertThat(report.get(1).path("conversion").asText()).isEqualTo("1.0000");
        assertThat(report.get(2).path("entered").asLong()).isEqualTo(1);
        assertThat(report.get(3).path("entered").asLong()).isZero();
        assertThat(api.get("/api/sales/pipelines/987654321/stage-report").status()).isEqualTo(404);
    }

    @Test
    void a_lead_is_deduplicated_by_email_and_converts_into_new_records_in_one_go() {
        String email = "ada-" + run + "@engines.example";
        long lead = created(api.post("/api/sales/leads", "{\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"company\":\"Engines "
                + run + "\",\"title\":\"CTO\",\"email\":\"" + email + "\",\"phone\":\"+44 20 1234\",\"source\":\"referral\"}"))
                .path("id").asLong();
        MosaicResponse dup = api.post("/api/sales/leads", "{\"lastName\":\"Other\",\"email\":\"" + email.toUpperCase() + "\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("details").get(0).path("existingId").asLong()).isEqualTo(lead);
        assertThat(patch("/api/sales/leads/" + lead, "{\"status\":\"in_process\"}").path("status").asText()).isEqualTo("in_process");
        MosaicResponse byHand = api.patch("/api/sales/leads/" + lead, "{\"status\":\"converted\"}",
                api.get("/api/sales/leads/" + lead).json().path("version").asText());
        assertThat(byHand.status()).isEqualTo(422);

        long call = created(api.post("/api/sales/activities", "{\"kind\":\"call\",\"subject\":\"Intro " + run
                + "\",\"startAt\":\"2026-12-01T09:00:00Z\",\"relatedType\":\"lead\",\"relatedId\":" + lead + "}")).path("id").asLong();

        MosaicResponse converted = api.post("/api/sales/leads/" + lead + "/convert",
                "{\"opportunity\":{\"name\":\"Engines deal\",\"amount\":\"40000.00\",\"currency\":\"EUR\",\"closeDate\":\"2026-12-20\"}}");
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        long accountId = converted.json().path("accountId").asLong();
        long contactId = converted.json().path("contactId").asLong();
        long opportunityId = converted.json().path("opportunityId").asLong();

        JsonNode account = api.get("/api/customers/accounts/" + accountId).json();
        assertThat(account.path("name").asText()).isEqualTo("Engines " + run);
        JsonNode contact = api.get("/api/customers/contacts/" + contactId).json();
        assertThat(contact.path("email").asText()).isEqualTo(email);
        assertThat(contact.path("title").asText()).isEqualTo("CTO");
        assertThat(contact.path("phone").asText()).isEqualTo("+44 20 1234");
        assertThat(contact.path("accountId").asLong()).isEqualTo(accountId);
        JsonNode deal = api.get("/api/sales/opportunities/" + opportunityId).json();
        assertThat(deal.path("source").asText()).isEqualTo("referral");
        assertThat(deal.path("accountId").asLong()).isEqualTo(accountId);
        assertThat(deal.path("contactId").asLong()).isEqualTo(contactId);

        JsonNode after = api.get("/api/sales/leads/" + lead).json();
        assertThat(after.path("status").asText()).isEqualTo("converted");
        assertThat(after.path("convertedAccountId").asLong()).isEqualTo(accountId);
        assertThat(after.path("convertedContactId").asLong()).isEqualTo(contactId);
        assertThat(after.path("convertedOpportunityId").asLong()).isEqualTo(opportunityId);
        assertThat(after.path("convertedAt").asText()).isNotBlank();
        assertThat(api.get("/api/sales/leads/" + lead + "/history").json().path("items").findValuesAsText("kind")).contains("CONVERTED");

        JsonNode moved = api.get("/api/sales/activities/" + call).json();
        assertThat(moved.path("relatedType").asText()).isEqualTo("opportunity");
        assertThat(moved.path("relatedId").asLong()).isEqualTo(opportunityId);

        MosaicResponse again = api.post("/api/sales/leads/" + lead + "/convert", "{}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.error()).isEqualTo("already_converted");
        assertThat(api.patch("/api/sales/leads/" + lead, "{\"title\":\"CEO\"}", after.path("version").asText()).status()).isEqualTo(409);
    }

    @Test
    void converting_links_existing_records_and_moves_activities_to_the_account_without_an_opportunity() {
        long account = account("Existing");
        long contact = created(api.post("/api/customers/contacts", "{\"lastName\":\"Known\",\"accountId\":" + account
                + ",\"email\":\"known-" + run + "@existing.example\"}")).path("id").asLong();
        long lead = created(api.post("/api/sales/leads", "{\"lastName\":\"Known\",\"company\":\"Existing " + run
                + "\",\"email\":\"known-" + run + "@existing.example\"}")).path("id").asLong();
        long task = created(api.post("/api/sales/activities", "{\"kind\":\"task\",\"subject\":\"Send offer\",\"relatedType\":\"lead\",\"relatedId\":"
                + lead + "}")).path("id").asLong();

        MosaicResponse linked = api.post("/api/sales/leads/" + lead + "/convert", "{\"accountId\":" + account + ",\"contactId\":" + contact + "}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("accountId").asLong()).isEqualTo(account);
        assertThat(linked.json().path("contactId").asLong()).isEqualTo(contact);
        assertThat(linked.json().path("opportunityId").isNull()).isTrue();
        JsonNode moved = api.get("/api/sales/activities/" + task).json();
        assertThat(moved.path("relatedType").asText()).isEqualTo("account");
        assertThat(moved.path("relatedId").asLong()).isEqualTo(account);
        assertThat(api.get("/api/customers/accounts?name=" + ("Existing%20" + run)).json().path("items")).hasSize(1);
    }

    @Test
    void likely_duplicates_answer_409_with_the_candidates_unless_the_check_is_skipped() {
        long account = created(api.post("/api/customers/accounts", "{\"name\":\"Dupe " + run + "\",\"website\":\"dupe-" + run
                + ".example\"}")).path("id").asLong();
        long contact = created(api.post("/api/customers/contacts", "{\"lastName\":\"Dupe\",\"email\":\"dupe-" + run
                + "@dupe.example\"}")).path("id").asLong();
        long lead = created(api.post("/api/sales/leads", "{\"lastName\":\"Dupe\",\"company\":\"DUPE " + run
                + "\",\"website\":\"https://other-" + run + ".example\",\"email\":\"dupe-" + run + "@dupe.example\"}")).path("id").asLong();

        MosaicResponse candidates = api.post("/api/sales/leads/" + lead + "/convert", "{}");
        assertThat(candidates.status()).as(candidates.body()).isEqualTo(409);
        assertThat(candidates.error()).isEqualTo("duplicate_candidates");
        assertThat(candidates.json().path("details").findValuesAsText("existingId"))
                .containsExactlyInAnyOrder(String.valueOf(account), String.valueOf(contact));
        assertThat(api.get("/api/sales/leads/" + lead).json().path("status").asText()).isEqualTo("new");

        // the contact's e-mail is unique in customers: link it, create the similar account anyway
        MosaicResponse skipped = api.post("/api/sales/leads/" + lead + "/convert",
                "{\"contactId\":" + contact + ",\"skipDuplicateCheck\":true}");
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(skipped.json().path("accountId").asLong()).isNotEqualTo(account);
    }

    @Test
    void a_dead_lead_is_not_converted_and_a_failed_conversion_leaves_nothing_behind() {
        long dead = created(api.post("/api/sales/leads", "{\"lastName\":\"Gone\",\"status\":\"dead\"}")).path("id").asLong();
        MosaicResponse refused = api.post("/api/sales/leads/" + dead + "/convert", "{}");
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("details").get(0).path("field").asText()).isEqualTo("status");
        assertThat(refused.json().path("details").get(0).path("problem").asText()).isEqualTo("dead");

        String company = "Atomic " + run;
        long lead = created(api.post("/api/sales/leads", "{\"lastName\":\"Half" + run + "\",\"company\":\"" + company + "\"}")).path("id").asLong();
        MosaicResponse failed = api.post("/api/sales/leads/" + lead + "/convert",
                "{\"opportunity\":{\"closeDate\":\"2026-12-01\",\"stage\":\"no_such_stage\"}}");
        assertThat(failed.status()).as(failed.body()).isEqualTo(422);
        assertThat(api.get("/api/customers/accounts?name=" + company.replace(" ", "%20")).json().path("items")).isEmpty();
        assertThat(api.get("/api/customers/contacts?lastName=Half" + run).json().path("items").size()).isZero();
        assertThat(api.get("/api/sales/leads/" + lead).json().path("status").asText()).isEqualTo("new");
        assertThat(api.post("/api/sales/leads/987654321/convert", "{}").status()).isEqualTo(404);
    }

    @Test
    void follow_ups_use_the_calendar_of_the_time_zone_across_the_end_of_summer_time() {
        long owner = 800_000 + Math.abs(run.hashCode() % 100_000);
        // Berlin leaves summer time on 2026-10-25 at 03:00: that day runs 2026-10-24T22:00Z .. 2026-10-25T23:00Z (25 hours)
        long before = task(owner, "2026-10-24T21:30:00Z", "not_started");   // 24th 23:30 CEST
        long early = task(owner, "2026-10-24T22:30:00Z", "not_started");    // 25th 00:30 CEST
        long late = task(owner, "2026-10-25T22:30:00Z", "started");         // 25th 23:30 CET
        long next = task(owner, "2026-10-25T23:30:00Z", "not_started");     // 26th 00:30 CET
        task(owner, "2026-10-25T12:00:00Z", "completed");                    // done: no follow-up
        String base = "/api/sales/follow-ups?owner=" + owner + "&tz=Europe/Berlin&at=2026-10-25T10:00:00Z";

        JsonNode today = api.get(base + "&range=today").json();
        assertThat(ids(today)).containsExactly(early, late);
        assertThat(today.path("from").asText()).isEqualTo("2026-10-24T22:00:00Z");
        assertThat(today.path("to").asText()).isEqualTo("2026-10-25T23:00:00Z");
        assertThat(today.path("items").get(1).path("dueLocal").asText()).isEqualTo("2026-10-25T23:30+01:00");
        assertThat(ids(api.get(base + "&range=overdue").json())).containsExactly(before, early);
        assertThat(ids(api.get(base + "&range=week").json())).containsExactly(before, early, late);   // Mon 19th .. Sun 25th
        assertThat(ids(api.get("/api/sales/follow-ups?owner=" + owner + "&tz=UTC&at=2026-10-25T10:00:00Z&range=today").json()))
                .containsExactly(late, next);

        JsonNode page = api.get(base + "&range=week&limit=2").json();
        assertThat(ids(page)).containsExactly(before, early);
        assertThat(ids(api.get(base + "&range=week&limit=2&after=" + page.path("next").asText()).json())).containsExactly(late);
        assertThat(api.get(base + "&range=soon").status()).isEqualTo(400);
        assertThat(api.get(base + "&tz=Mars/Olympus").status()).isEqualTo(400);
        assertThat(api.get(base + "&color=red").status()).isEqualTo(400);
    }

    @Test
    void follow_ups_list_the_next_steps_of_open_deals() {
        long owner = 700_000 + Math.abs(run.hashCode() % 100_000);
        long account = account("Next steps");
        long deal = opportunity(account, ",\"ownerId\":" + owner + ",\"nextStep\":\"Call CFO\",\"nextStepDate\":\"2026-10-25\"").path("id").asLong();
        JsonNode today = api.get("/api/sales/follow-ups?owner=" + owner + "&tz=Europe/Berlin&at=2026-10-25T10:00:00Z").json();
        assertThat(today.path("nextSteps").findValuesAsText("opportunityId")).containsExactly(String.valueOf(deal));
        assertThat(today.path("nextSteps").get(0).path("nextStep").asText()).isEqualTo("Call CFO");
    }

    @Test
    void the_timeline_of_an_account_holds_its_activities_and_its_deals_stage_changes_newest_first() {
        long account = account("Timeline");
        JsonNode deal = opportunity(account, "");
        long dealId = deal.path("id").asLong();
        patch("/api/sales/opportunities/" + dealId, "{\"stage\":\"negotiation\"}");
        long call = created(api.post("/api/sales/activities", "{\"kind\":\"call\",\"subject\":\"Pricing\",\"startAt\":\"2030-01-01T10:00:00Z\""
                + ",\"relatedType\":\"opportunity\",\"relatedId\":" + dealId + "}")).path("id").asLong();
        long note = created(api.post("/api/sales/activities", "{\"kind\":\"task\",\"subject\":\"Check\",\"dueAt\":\"2020-01-01T10:00:00Z\""
                + ",\"relatedType\":\"account\",\"relatedId\":" + account + "}")).path("id").asLong();

        JsonNode all = api.get("/api/sales/timeline?record=account:" + account).json().path("items");
        assertThat(all.findValuesAsText("type")).containsExactly("activity", "stage_change", "stage_change", "activity");
        assertThat(all.get(0).path("id").asLong()).isEqualTo(call);
        assertThat(all.get(1).path("to").asText()).isEqualTo("negotiation");
        assertThat(all.get(2).path("to").asText()).isEqualTo("prospecting");
        assertThat(all.get(3).path("id").asLong()).isEqualTo(note);

        List<String> paged = new ArrayList<>();
        String next = null;
        do {
            JsonNode page = api.get("/api/sales/timeline?record=account:" + account + "&limit=1" + (next == null ? "" : "&after=" + next)).json();
            page.path("items").forEach(i -> paged.add(i.path("type").asText() + i.path("id").asLong()));
            next = page.path("next").isNull() ? null : page.path("next").asText();
        } while (next != null);
        assertThat(paged).hasSize(4).doesNotHaveDuplicates();
        assertThat(api.get("/api/sales/timeline?record=opportunity:" + dealId).json().path("items")).hasSize(3);
        assertThat(api.get("/api/sales/timeline?record=account:987654321").status()).isEqualTo(404);
        assertThat(api.get("/api/sales/timeline?record=planet:1").status()).isEqualTo(400);
    }

    @Test
    void an_account_with_open_opportunities_is_not_deleted() {
        long account = account("Kept");
        long deal = opportunity(account, "").path("id").asLong();
        MosaicResponse refused = api.delete("/api/customers/accounts/" + account);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("message").asText()).contains("sales.opportunities " + deal);
        patch("/api/sales/opportunities/" + deal, "{\"stage\":\"closed_won\"}");
        assertThat(api.delete("/api/customers/accounts/" + account).status()).isEqualTo(204);
    }

    @Test
    void cascade_deletes_the_open_opportunities_with_the_account_in_one_transaction() {
        long account = account("Cascade");
        long open = opportunity(account, "").path("id").asLong();
        long won = opportunity(account, ",\"stage\":\"closed_won\"").path("id").asLong();
        assertThat(api.delete("/api/customers/accounts/" + account + "?cascade=maybe").status()).isEqualTo(400);
        assertThat(api.get("/api/sales/opportunities/" + open).status()).isEqualTo(200);
        assertThat(api.delete("/api/customers/accounts/" + account + "?cascade=true").status()).isEqualTo(204);
        assertThat(api.get("/api/customers/accounts/" + account).status()).isEqualTo(404);
        assertThat(api.get("/api/sales/opportunities/" + open).status()).isEqualTo(404);
        assertThat(api.get("/api/sales/opportunities/" + won).status()).isEqualTo(200);   // closed deals stay as history
    }

    @Test
    void activities_keep_their_statuses_to_their_kind_and_link_only_existing_records() {
        MosaicResponse wrong = api.post("/api/sales/activities", "{\"kind\":\"call\",\"subject\":\"X\",\"startAt\":\"2026-12-01T10:00:00Z\",\"status\":\"completed\"}");
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().path("details").findValuesAsText("problem")).contains("not_allowed_for_kind");
        MosaicResponse missing = api.post("/api/sales/activities", "{\"kind\":\"task\",\"subject\":\"X\",\"relatedType\":\"lead\",\"relatedId\":987654321}");
        assertThat(missing.status()).isEqualTo(422);
        JsonNode meeting = created(api.post("/api/sales/activities", "{\"kind\":\"meeting\",\"subject\":\"Kick-off\",\"startAt\":\"2026-12-01T10:00:00Z\",\"durationMinutes\":60}"));
        assertThat(meeting.path("status").asText()).isEqualTo("planned");
        long contact = created(api.post("/api/customers/contacts", "{\"lastName\":\"Guest " + run + "\"}")).path("id").asLong();
        JsonNode invitee = created(api.post("/api/sales/invitees", "{\"activityId\":" + meeting.path("id").asLong() + ",\"contactId\":" + contact + "}"));
        assertThat(invitee.path("status").asText()).isEqualTo("none");
        assertThat(patch("/api/sales/invitees/" + invitee.path("id").asLong(), "{\"status\":\"accepted\"}").path("status").asText()).isEqualTo("accepted");
        long task = created(api.post("/api/sales/activities", "{\"kind\":\"task\",\"subject\":\"Solo\"}")).path("id").asLong();
        assertThat(api.post("/api/sales/invitees", "{\"activityId\":" + task + ",\"userId\":5}").status()).isEqualTo(422);
    }

    private long task(long owner, String due, String status) {
        return created(api.post("/api/sales/activities", "{\"kind\":\"task\",\"subject\":\"Follow " + due + "\",\"dueAt\":\"" + due
                + "\",\"status\":\"" + status + "\",\"ownerId\":" + owner + "}")).path("id").asLong();
    }

    private static List<Long> ids(JsonNode followUps) {
        List<Long> ids = new ArrayList<>();
        followUps.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }
}
