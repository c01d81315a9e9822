package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The customers API over real HTTP against the real runtime: CRUD and every error code. */
class CustomersApiTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private final MosaicClient api = server.admin();

    private JsonNode createAccount(String json) {
        var r = api.post("/api/customers/accounts", json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void creates_reads_updates_and_soft_deletes_an_account() {
        var created = api.post("/api/customers/accounts",
                "{\"name\":\"Acme Corp\",\"website\":\"https://acme.example\",\"industry\":\"Manufacturing\",\"country\":\"DE\",\"employees\":120}");
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/customers/accounts/" + id);

        var read = api.get("/api/customers/accounts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("name").asText()).isEqualTo("Acme Corp");
        String version = read.json().path("version").asText();

        var patched = api.patch("/api/customers/accounts/" + id, "{\"industry\":\"Robotics\"}", version);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().path("industry").asText()).isEqualTo("Robotics");
        assertThat(patched.json().path("version").asLong()).isGreaterThan(Long.parseLong(version));

        var stale = api.patch("/api/customers/accounts/" + id, "{\"industry\":\"Food\"}", version);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.error()).isEqualTo("version_mismatch");

        var noIfMatch = api.patch("/api/customers/accounts/" + id, "{\"industry\":\"Food\"}", null);
        assertThat(noIfMatch.status()).isEqualTo(428);

        assertThat(api.delete("/api/customers/accounts/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/customers/accounts/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/customers/accounts/" + id).error()).isEqualTo("not_found");
        assertThat(api.delete("/api/customers/accounts/" + id).status()).isEqualTo(404);
    }

    @Test
    void contacts_belong_to_existing_accounts_and_duplicates_answer_409_with_the_id() {
        long account = createAccount("{\"name\":\"Contacts Inc\"}").path("id").asLong();
        var contact = api.post("/api/customers/contacts",
                "{\"accountId\":" + account + ",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@example.com\"}");
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        long contactId = contact.json().path("id").asLong();

        var dup = api.post("/api/customers/contacts", "{\"lastName\":\"Other\",\"email\":\"ADA@example.com\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.error()).isEqualTo("duplicate");
        assertThat(dup.json().path("details").get(0).path("existingId").asLong()).isEqualTo(contactId);

        var noAccount = api.post("/api/customers/contacts", "{\"accountId\":999999999,\"lastName\":\"Orphan\"}");
        assertThat(noAccount.status()).isEqualTo(422);
        assertThat(noAccount.json().path("details").findValuesAsText("field")).contains("accountId");

        var byAccount = api.get("/api/customers/contacts?accountId=" + account);
        assertThat(byAccount.json().path("items")).hasSize(1);
    }

    @Test
    void duplicate_account_name_and_website_is_409_with_the_existing_id() {
        long id = createAccount("{\"name\":\"Twin Ltd\",\"website\":\"https://www.twin.example/\"}").path("id").asLong();
        var dup = api.post("/api/customers/accounts", "{\"name\":\"twin ltd\",\"website\":\"http://twin.example\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.json().path("details").get(0).path("existingId").asLong()).isEqualTo(id);
    }

    @Test
    void validation_errors_are_422_naming_every_field() {
        var r = api.post("/api/customers/accounts", "{\"name\":\"\",\"email\":\"not-an-email\",\"employees\":-5}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).isEqualTo("validation_failed");
        assertThat(r.json().path("details").findValuesAsText("field")).contains("name", "email", "employees");
    }

    @Test
    void malformed_or_mistyped_json_is_rejected_cleanly() {
        assertError(api.post("/api/customers/accounts", "{\"name\":"), 400);
        assertError(api.post("/api/customers/accounts", "{\"name\":\"A\"} trailing"), 400);
        assertError(api.post("/api/customers/accounts", "{\"name\":\"A\",\"employees\":\"12\"}"), 422);
        assertError(api.post("/api/customers/accounts", "{\"name\":\"A\",\"employees\":true}"), 422);
        assertError(api.post("/api/customers/accounts", "{\"name\":\"A\",\"shoeSize\":42}"), 422);
        assertError(api.post("/api/customers/accounts", "{\"name\":\"A\",\"name\":\"B\"}"), 422);
        assertError(api.post("/api/customers/accounts", "[1,2,3]"), 422);
        var deep = api.post("/api/customers/accounts", "{\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}");
        assertThat(deep.status()).as(deep.body()).isBetween(400, 422);   // refused as too deep or as the wrong type
        assertThat(deep.json().path("error").asText()).isNotBlank();
        assertError(api.send("POST", "/api/customers/accounts", "name=A", Map.of("Content-Type", "text/plain")), 415);
        byte[] big = ("{\"name\":\"" + "x".repeat(2_000_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertError(api.sendRaw("POST", "/api/customers/accounts", big, Map.of("Content-Type", "application/json")), 413);
    }

    @Test
    void ids_in_paths_must_parse_exactly() {
        for (String bad : new String[] {"17abc", "-1", "0x11", "1.0", "99999999999999999999"}) {
            var r = api.get("/api/customers/accounts/" + bad);
            assertThat(r.status()).as(bad).isIn(400, 404);
            assertThat(r.json().has("error")).isTrue();
        }
        assertThat(api.get("/api/customers/accounts/424242").status()).isEqualTo(404);
    }

    @Test
    void sql_metacharacters_in_filters_and_search_are_plain_data() {
        createAccount("{\"name\":\"O'Brien & Sons\"}");
        String[] nasty = {"' OR 1=1 --", "%", "_", "\\", "\"; DROP TABLE accounts; --", "O'Brien", "\u0000", "😀"};
        for (String value : nasty) {
            String q = URLEncoder.encode(value, StandardCharsets.UTF_8);
            for (String path : new String[] {"/api/customers/accounts?q=" + q, "/api/customers/accounts?name=" + q,
                    "/api/customers/contacts?email=" + q, "/api/customers/accounts?sort=" + q, "/api/customers/accounts?after=" + q}) {
                var r = api.get(path);
                assertThat(r.status()).as(path + " -> " + r.body()).isLessThan(500);
                assertThat(r.json().has("items") || r.json().has("error")).isTrue();
            }
        }
        var obrien = api.get("/api/customers/accounts?q=" + URLEncoder.encode("O'Brien", StandardCharsets.UTF_8));
        assertThat(obrien.json().path("items")).hasSize(1);
        var pct = api.get("/api/customers/accounts?q=%25");
        assertThat(pct.status()).isEqualTo(200);
        assertThat(pct.json().path("items")).isEmpty();
    }

    @Test
    void bad_list_parameters_are_400() {
        assertError(api.get("/api/customers/accounts?limit=0"), 400);
        assertError(api.get("/api/customers/accounts?limit=501"), 400);
        assertError(api.get("/api/customers/accounts?limit=ten"), 400);
        assertError(api.get("/api/customers/accounts?sort=password"), 400);
        assertError(api.get("/api/customers/accounts?fields=secret"), 400);
        assertError(api.get("/api/customers/accounts?after=garbage"), 400);
        assertError(api.get("/api/customers/accounts?bogus=1"), 400);
    }

    @Test
    void keyset_paging_over_1000_rows_returns_each_row_exactly_once() {
        for (int i = 0; i < 1000; i++) {
            var r = api.post("/api/customers/accounts",
                    "{\"name\":\"Paging " + (i % 37) + " #" + i + "\",\"industry\":\"Paging\",\"employees\":" + (i % 10) + "}");
            assertThat(r.status()).isEqualTo(201);
        }
        for (String sort : new String[] {"id", "-employees", "name", "-createdAt"}) {
            Set<Long> seen = new HashSet<>();
            String next = null;
            int pages = 0;
            do {
                String path = "/api/customers/accounts?industry=Paging&limit=70&sort=" + sort
                        + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                var page = api.get(path);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                for (JsonNode item : page.json().path("items")) {
                    assertThat(seen.add(item.path("id").asLong())).as("duplicate id with sort " + sort).isTrue();
                }
                next = page.json().path("next").isNull() ? null : page.json().path("next").asText();
                pages++;
            } while (next != null && pages < 100);
            assertThat(seen).as("sort " + sort).hasSize(1000);
        }
    }

    @Test
    void search_results_page_in_match_order_each_contact_exactly_once() {
        // matches in the first name, the last name, the e-mail, or several of them at once
        for (int i = 0; i < 120; i++) {
            String first = i % 3 == 0 ? "Qvist" + i : "Ola";
            String last = i % 4 == 0 ? "QVISTER" + i : "Berg" + i;
            String email = i % 5 == 0 ? "qvist." + i + "@example.com" : "x" + i + ".qv@example.com";
            var r = api.post("/api/customers/contacts",
                    "{\"firstName\":\"" + first + "\",\"lastName\":\"" + last + "\",\"email\":\"" + email + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        int expected = 0;
        for (int i = 0; i < 120; i++) {
            expected += i % 3 == 0 || i % 4 == 0 || i % 5 == 0 ? 1 : 0;
        }
        Set<Long> seen = new HashSet<>();
        String next = null;
        int pages = 0;
        do {
            var page = api.get("/api/customers/contacts?q=qvist&limit=9"
                    + (next == null ? "" : "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            for (JsonNode item : page.json().path("items")) {
                assertThat(seen.add(item.path("id").asLong())).as("duplicate " + item).isTrue();
            }
            next = page.json().path("next").isNull() ? null : page.json().path("next").asText();
            pages++;
        } while (next != null && pages < 100);
        assertThat(seen).hasSize(expected);
        var sorted = api.get("/api/customers/contacts?q=qvist&sort=-lastName&limit=200");
        assertThat(sorted.status()).isEqualTo(200);
        assertThat(sorted.json().path("items")).hasSize(expected);
        var bad = api.get("/api/customers/contacts?q=qvist&after=not-a-cursor");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).isEqualTo("invalid_cursor");
    }

    @Test
    void field_selection_returns_only_the_asked_fields() {
        createAccount("{\"name\":\"Fields AG\",\"industry\":\"Software\"}");
        var r = api.get("/api/customers/accounts?fields=id,name&q=Fields");
        assertThat(r.status()).isEqualTo(200);
        JsonNode item = r.json().path("items").get(0);
        assertThat(item.path("name").asText()).isEqualTo("Fields AG");
        assertThat(item.has("industry")).isFalse();
    }

    private static void assertError(MosaicResponse r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("error").asText()).isNotBlank();
        assertThat(r.json().has("message")).isTrue();
    }
}
