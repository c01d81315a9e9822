package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.RecordContract;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The record kit's standard contract for every record type of the sales module. */
class SalesRecordContractTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static long pipeline;
    private static long account;
    private static long meeting;
    private static long team;
    private static long otherTeam;
    private static long opportunity;
    private static final Map<Integer, Long> contacts = new ConcurrentHashMap<>();

    @BeforeAll
    static void parents() {
        MosaicClient admin = server.admin();
        pipeline = id(admin.post("/api/sales/pipelines", "{\"name\":\"Contract pipeline " + RUN + "\"}"));
        account = id(admin.post("/api/customers/accounts", "{\"name\":\"Contract sales " + RUN + "\"}"));
        meeting = id(admin.post("/api/sales/activities", "{\"kind\":\"meeting\",\"subject\":\"Contract meeting\",\"startAt\":\"2026-12-01T10:00:00Z\"}"));
        team = id(admin.post("/api/sales/teams", "{\"name\":\"Contract team " + RUN + "\",\"managerId\":1}"));
        otherTeam = id(admin.post("/api/sales/teams", "{\"name\":\"Contract team B " + RUN + "\",\"managerId\":1}"));
        opportunity = id(admin.post("/api/sales/opportunities", "{\"name\":\"Contract deal\",\"accountId\":" + account
                + ",\"closeDate\":\"2026-12-01\"}"));
    }

    private static long id(MosaicResponse r) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private static long contact(int n) {
        return contacts.computeIfAbsent(n, k -> id(server.admin().post("/api/customers/contacts",
                "{\"lastName\":\"Role " + RUN + " " + k + "\"}")));
    }

    @TestFactory
    Stream<DynamicTest> leads() {
        return RecordContract.of("/api/sales/leads", "sales.leads")
                .sample(n -> "{\"lastName\":\"Lead " + n + "\",\"company\":\"Co " + n + "\",\"email\":\"lead-" + n + "-" + RUN + "@leads.example\"}")
                .duplicateOf(n -> "{\"lastName\":\"Again\",\"email\":\"LEAD-" + n + "-" + RUN + "@leads.example\"}")
                .patch("{\"title\":\"CTO\"}", "title")
                .invalid("{\"lastName\":\"\",\"email\":\"not-an-address\",\"source\":\"carrier_pigeon\"}", "lastName", "email", "source")
                .hiddenField("phone", "{\"phone\":\"+49 30 1\"}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> pipelines() {
        return RecordContract.of("/api/sales/pipelines", "sales.pipelines")
                .sample(n -> "{\"name\":\"Pipeline " + n + " " + RUN + "\"}")
                .duplicateOf(n -> "{\"name\":\"PIPELINE " + n + " " + RUN + "\"}")
                .patch("{\"description\":\"Enterprise deals\"}", "description")
                .invalid("{\"name\":\"\"}", "name")
                .hiddenField("description", "{\"description\":\"secret\"}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> stages() {
        return RecordContract.of("/api/sales/stages", "sales.stages")
                .sample(n -> "{\"pipelineId\":" + pipeline + ",\"key\":\"s" + n + "\",\"label\":\"Stage " + n
                        + "\",\"position\":" + (n % 1000) + ",\"probability\":30,\"forecastCategory\":\"pipeline\"}")
                .duplicateOf(n -> "{\"pipelineId\":" + pipeline + ",\"key\":\"S" + n + "\",\"label\":\"Again\",\"position\":1,"
                        + "\"probability\":30,\"forecastCategory\":\"commit\"}")
                .patch("{\"label\":\"Renamed\"}", "label")
                .invalid("{\"pipelineId\":" + pipeline + ",\"key\":\"Not a key!\",\"label\":\"\",\"position\":1,\"probability\":101,"
                        + "\"forecastCategory\":\"pipeline\"}", "key", "label", "probability")
                .hiddenField("probability", "{\"probability\":40}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> opportunities() {
        return RecordContract.of("/api/sales/opportunities", "sales.opportunities")
                .sample(n -> "{\"name\":\"Deal " + n + "\",\"accountId\":" + account + ",\"amount\":\"1000.00\",\"currency\":\"EUR\","
                        + "\"closeDate\":\"2026-12-01\"}")
                .patch("{\"nextStep\":\"Demo\"}", "nextStep")
                .invalid("{\"name\":\"\",\"accountId\":" + account + ",\"amount\":\"-5\",\"currency\":\"EUR\",\"closeDate\":\"2026-12-01\"}",
                        "name", "amount")
                .hiddenField("amount", "{\"amount\":\"2000.00\"}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> contactRoles() {
        return RecordContract.of("/api/sales/contact-roles", "sales.contact-roles")
                .sample(n -> "{\"opportunityId\":" + opportunity + ",\"contactId\":" + contact(n) + ",\"role\":\"evaluator\"}")
                .duplicateOf(n -> "{\"opportunityId\":" + opportunity + ",\"contactId\":" + contact(n) + ",\"role\":\"evaluator\"}")
                .patch("{\"role\":\"champion\"}", "role")
                .invalid("{\"opportunityId\":" + opportunity + ",\"contactId\":987654321,\"role\":\"king\"}", "contactId", "role")
                .hiddenField("role", "{\"role\":\"user\"}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> activities() {
        return RecordContract.of("/api/sales/activities", "sales.activities")
                .sample(n -> "{\"kind\":\"task\",\"subject\":\"Task " + n + "\",\"dueAt\":\"2026-12-01T10:00:00Z\"}")
                .patch("{\"status\":\"started\"}", "status")
                .invalid("{\"kind\":\"call\",\"subject\":\"\"}", "subject", "startAt")
                .hiddenField("outcome", "{\"outcome\":\"agreed\"}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> invitees() {
        return RecordContract.of("/api/sales/invitees", "sales.invitees")
                .sample(n -> "{\"activityId\":" + meeting + ",\"userId\":" + n + "}")
                .duplicateOf(n -> "{\"activityId\":" + meeting + ",\"userId\":" + n + ",\"status\":\"accepted\"}")
                .patch("{\"status\":\"accepted\"}", "status")
                .invalid("{\"activityId\":" + meeting + ",\"status\":\"maybe\"}", "userId", "status")
                .hiddenField("status", "{\"status\":\"declined\"}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> teams() {
        return RecordContract.of("/api/sales/teams", "sales.teams")
                .sample(n -> "{\"name\":\"Team " + n + " " + RUN + "\",\"managerId\":1}")
                .duplicateOf(n -> "{\"name\":\"TEAM " + n + " " + RUN + "\",\"managerId\":2}")
                .patch("{\"managerId\":2}", "managerId")
                .invalid("{\"name\":\"\",\"managerId\":0}", "name", "managerId")
                .hiddenField("managerId", "{\"managerId\":3}")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> teamMembers() {
        return RecordContract.of("/api/sales/team-members", "sales.team-members")
                .sample(n -> "{\"teamId\":" + team + ",\"userId\":" + n + "}")
                .duplicateOf(n -> "{\"teamId\":" + team + ",\"userId\":" + n + "}")
                .patch("{\"teamId\":" + otherTeam + "}", "teamId")
                .invalid("{\"teamId\":987654321,\"userId\":0}", "teamId", "userId")
                .tests(server.admin(), server::as);
    }

    @TestFactory
    Stream<DynamicTest> quotas() {
        return RecordContract.of("/api/sales/quotas", "sales.quotas")
                .sample(n -> "{\"userId\":" + n + ",\"period\":\"2027-Q1\",\"amount\":\"1000.00\",\"currency\":\"EUR\"}")
                .duplicateOf(n -> "{\"userId\":" + n + ",\"period\":\"2027-Q1\",\"amount\":\"5.00\",\"currency\":\"EUR\"}")
                .patch("{\"amount\":\"1500.00\"}", "amount")
                .invalid("{\"period\":\"2027-Q9\",\"amount\":\"-1\",\"currency\":\"EUR\"}", "userId", "period", "amount")
                .hiddenField("amount", "{\"amount\":\"1750.00\"}")
                .tests(server.admin(), server::as);
    }
}
