package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authorization over real HTTP, enumerated from the live route table: no route answers a stranger,
 * none serves a user who lacks its permission; tokens, lockout, field rules and user management.
 */
class SecurityAccessTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private final MosaicClient admin = server.admin();

    private long createUser(String name, String... roles) {
        String list = roles.length == 0 ? "" : "\"" + String.join("\",\"", roles) + "\"";
        var r = admin.post("/api/security/users", "{\"username\":\"" + name + "\",\"password\":\"" + name
                + " has a long passphrase\",\"roles\":[" + list + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private MosaicClient as(String name) {
        return server.as(name, name + " has a long passphrase");
    }

    private List<String> grantsOf(String role) {
        for (JsonNode r : admin.get("/api/security/roles").json().path("items")) {
            if (r.path("name").asText().equals(role)) {
                var grants = new ArrayList<String>();
                r.path("permissions").forEach(p -> grants.add(p.asText()));
                return grants;
            }
        }
        throw new AssertionError("no role " + role);
    }

    private static MosaicResponse call(MosaicClient api, RouteCatalog.Route route) {
        boolean body = List.of("POST", "PUT", "PATCH").contains(route.method());
        return api.send(route.method(), route.path(), body ? "{}" : null, Map.of());
    }

    @Test
    void every_route_but_the_public_ones_answers_401_without_credentials() {
        var catalog = RouteCatalog.of(admin);
        assertThat(catalog.routes()).hasSizeGreaterThan(20);
        var soft = new SoftAssertions();
        for (var route : catalog.routes()) {
            if (route.isPublic()) {
                continue;
            }
            var r = call(server.anonymous(), route);
            soft.assertThat(r.status()).as(route + " -> " + r.body()).isEqualTo(401);
            soft.assertThat(r.error()).as(route.toString()).isEqualTo("unauthorized");
        }
        soft.assertThat(server.anonymous().get("/api/openapi.json").status()).isEqualTo(401);
        soft.assertAll();
    }

    @Test
    void every_route_answers_403_to_read_only_and_sales_users_who_lack_its_permission() {
        createUser("rita", "read-only");
        createUser("sam", "sales");
        var catalog = RouteCatalog.of(admin);
        var soft = new SoftAssertions();
        int forbidden = 0;
        for (String role : List.of("read-only", "sales")) {
            MosaicClient user = as(role.equals("sales") ? "sam" : "rita");
            List<String> grants = grantsOf(role);
            for (var route : catalog.routes()) {
                if (route.isPublic() || route.authenticatedOnly() || RouteCatalog.covered(route, grants)) {
                    continue;
                }
                var r = call(user, route);
                soft.assertThat(r.status()).as(role + ": " + route + " -> " + r.body()).isEqualTo(403);
                forbidden++;
            }
        }
        soft.assertAll();
        assertThat(forbidden).isGreaterThan(10);
        assertThat(as("sam").get("/api/platform/config").status()).isEqualTo(403);
        assertThat(as("rita").get("/api/customers/accounts").status()).isEqualTo(200);
    }

    @Test
    void a_revoked_token_stops_working_at_once() {
        var created = admin.post("/api/security/tokens", "{\"name\":\"ci\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String token = created.json().path("token").asText();
        var bearer = Map.of("Authorization", "Bearer " + token);
        var anonymous = server.anonymous();
        assertThat(anonymous.send("GET", "/api/customers/accounts?limit=1", null, bearer).status()).isEqualTo(200);
        assertThat(admin.get("/api/security/tokens").body()).contains(created.json().path("prefix").asText())
                .doesNotContain(token);

        var revoked = admin.delete("/api/security/tokens/" + created.json().path("id").asLong());

        assertThat(revoked.status()).isEqualTo(204);
        assertThat(anonymous.send("GET", "/api/customers/accounts?limit=1", null, bearer).status()).isEqualTo(401);
        assertThat(admin.delete("/api/security/tokens/" + created.json().path("id").asLong()).status()).isEqualTo(404);
    }

    @Test
    void a_token_limited_by_scope_can_do_no_more_and_cannot_mint_tokens() {
        var created = admin.post("/api/security/tokens", "{\"name\":\"reader\",\"scope\":\"customers.*:read\"}");
        var bearer = Map.of("Authorization", "Bearer " + created.json().path("token").asText());
        var anonymous = server.anonymous();

        assertThat(anonymous.send("GET", "/api/customers/accounts", null, bearer).status()).isEqualTo(200);
        assertThat(anonymous.send("POST", "/api/customers/accounts", "{\"name\":\"Scoped\"}", bearer).status())
                .isEqualTo(403);
        assertThat(anonymous.send("POST", "/api/security/tokens", "{\"name\":\"wider\"}", bearer).status())
                .isEqualTo(403);
        assertThat(admin.post("/api/security/tokens", "{\"name\":\"x\",\"scope\":\"nonsense\"}").status())
                .isEqualTo(422);
    }

    @Test
    void an_account_is_locked_after_repeated_wrong_passwords_until_an_admin_unlocks_it() {
        long id = createUser("luke", "sales");
        for (int i = 0; i < 10; i++) {
            assertThat(server.as("luke", "wrong guess " + i).get("/api/customers/accounts").status()).isEqualTo(401);
        }

        assertThat(as("luke").get("/api/customers/accounts").status()).isEqualTo(401);
        assertThat(admin.get("/api/security/users/" + id).json().path("lockedUntil").isNull()).isFalse();
        assertThat(admin.get("/api/security/audit?event=login.lockout").body()).contains("luke");

        var unlocked = admin.patch("/api/security/users/" + id, "{\"locked\":false}", null);
        assertThat(unlocked.status()).as(unlocked.body()).isEqualTo(200);
        assertThat(as("luke").get("/api/customers/accounts").status()).isEqualTo(200);
    }

    @Test
    void support_users_never_see_account_revenue_in_lists_or_single_accounts() {
        createUser("sue", "support");
        var created = admin.post("/api/customers/accounts", "{\"name\":\"Revenue Corp\",\"annualRevenue\":1234567.00}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        MosaicClient sue = as("sue");

        var one = sue.get("/api/customers/accounts/" + id);
        var list = sue.get("/api/customers/accounts?limit=500");

        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().has("annualRevenue")).isFalse();
        assertThat(one.json().path("name").asText()).isEqualTo("Revenue Corp");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.has("annualRevenue")).isFalse());
        assertThat(list.body()).doesNotContain("1234567");
        assertThat(sue.get("/api/customers/accounts?sort=-annualRevenue").status()).isEqualTo(403);
        assertThat(admin.get("/api/customers/accounts/" + id).json().path("annualRevenue").asDouble())
                .isEqualTo(1234567.0);
        var csv = sue.get("/api/customers/accounts/export");
        var ndjson = sue.get("/api/customers/accounts/export?format=ndjson");
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("id,name,").contains("Revenue Corp").doesNotContain("1234567")
                .doesNotContain("annualRevenue");
        assertThat(ndjson.status()).isEqualTo(200);
        assertThat(ndjson.body()).contains("Revenue Corp").doesNotContain("1234567").doesNotContain("annualRevenue");
        assertThat(admin.get("/api/customers/accounts/export").body()).contains("annualRevenue", "1234567");
    }

    @Test
    void an_own_scoped_role_sees_and_changes_only_its_own_records() {
        var role = admin.post("/api/security/roles", "{\"name\":\"rep\",\"permissions\":[\"customers.accounts:read:own\","
                + "\"customers.accounts:create:own\",\"customers.accounts:edit:own\",\"customers.accounts:delete:own\"]}");
        assertThat(role.status()).as(role.body()).isEqualTo(201);
        long ron = createUser("ron", "rep");
        var theirs = admin.post("/api/customers/accounts", "{\"name\":\"Not Rons Corp\"}").json();
        var mine = as("ron").post("/api/customers/accounts", "{\"name\":\"Rons Corp\"}");
        assertThat(mine.status()).as(mine.body()).isEqualTo(201);
        assertThat(mine.json().path("ownerId").asLong()).isEqualTo(ron);

        var list = as("ron").get("/api/customers/accounts?limit=500");
        assertThat(list.json().path("items")).isNotEmpty()
                .allSatisfy(item -> assertThat(item.path("ownerId").asLong()).isEqualTo(ron));
        long other = theirs.path("id").asLong();
        assertThat(as("ron").get("/api/customers/accounts/" + other).status()).isEqualTo(404);
        assertThat(as("ron").patch("/api/customers/accounts/" + other, "{\"industry\":\"X\"}",
                theirs.path("version").asText()).status()).isEqualTo(404);
        assertThat(as("ron").delete("/api/customers/accounts/" + other).status()).isEqualTo(404);
        assertThat(as("ron").post("/api/customers/accounts", "{\"name\":\"Gift Corp\",\"ownerId\":1}").status())
                .isEqualTo(403);
        assertThat(as("ron").patch("/api/customers/accounts/" + mine.json().path("id").asLong(),
                "{\"industry\":\"Rockets\"}", mine.json().path("version").asText()).status()).isEqualTo(200);
        assertThat(admin.get("/api/customers/accounts/" + other).status()).isEqualTo(200);
    }

    @Test
    void user_management_validates_input_and_refuses_duplicates() {
        long id = createUser("dora", "marketing");

        var duplicate = admin.post("/api/security/users",
                "{\"username\":\"dora\",\"password\":\"another long passphrase\",\"roles\":[]}");
        var shortPassword = admin.post("/api/security/users", "{\"username\":\"eve\",\"password\":\"x\",\"roles\":[]}");
        var unknownRole = admin.post("/api/security/users",
                "{\"username\":\"eve\",\"password\":\"a long enough passphrase\",\"roles\":[\"wizard\"]}");
        var unknownField = admin.post("/api/security/users",
                "{\"username\":\"eve\",\"password\":\"a long enough passphrase\",\"roles\":[],\"admin\":true}");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().path("details").get(0).path("existingId").asLong()).isEqualTo(id);
        assertThat(shortPassword.status()).isEqualTo(422);
        assertThat(unknownRole.status()).isEqualTo(422);
        assertThat(unknownField.status()).isEqualTo(422);
        assertThat(admin.get("/api/security/users").body()).contains("dora").doesNotContain("argon2");
        assertThat(admin.get("/api/security/audit?event=user.created").body()).contains("dora");
    }

    @Test
    void custom_roles_grant_exactly_what_they_list() {
        var role = admin.post("/api/security/roles",
                "{\"name\":\"contact-editor\",\"description\":\"edits contacts\",\"permissions\":[\"customers.contacts:read\",\"customers.contacts:edit\"],\"hiddenFields\":[]}");
        assertThat(role.status()).as(role.body()).isEqualTo(201);
        createUser("carl", "contact-editor");

        assertThat(as("carl").get("/api/customers/contacts").status()).isEqualTo(200);
        assertThat(as("carl").get("/api/customers/accounts").status()).isEqualTo(403);
        assertThat(admin.post("/api/security/roles", "{\"name\":\"contact-editor\",\"permissions\":[]}").status())
                .isEqualTo(409);
        assertThat(admin.post("/api/security/roles", "{\"name\":\"bad\",\"permissions\":[\"customers:fly\"]}").status())
                .isEqualTo(422);
        long adminRole = 0;
        for (JsonNode r : admin.get("/api/security/roles").json().path("items")) {
            if (r.path("name").asText().equals("admin")) {
                adminRole = r.path("id").asLong();
            }
        }
        assertThat(admin.send("PUT", "/api/security/roles/" + adminRole, "{\"permissions\":[]}", Map.of()).status())
                .isEqualTo(409);
        assertThat(admin.delete("/api/security/roles/" + adminRole).status()).isEqualTo(409);
    }
}
