package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * platform-cache in the real runtime: crm-customers reads accounts and contacts by id through the
 * caches {@code accounts} and {@code contacts}; a PATCH invalidates before it is answered; sizes
 * and time-to-live change live through the config API. No bundle restarts for any of it.
 */
class CacheTest {
    private static final String ACCOUNTS_PID = "io.mosaic.crm.cache~accounts";

    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private static SavedConfig accountsCache;
    private final MosaicClient api = server.admin();

    @BeforeAll
    static void saveTheCacheSettings() {
        accountsCache = SavedConfig.of(server.admin(), ACCOUNTS_PID, "heapEntries", "ttlSeconds");
    }

    /** The classes after this one on the shared server find customers enabled and its cache as booted. */
    @AfterAll
    static void restore() {
        server.admin().post("/api/platform/modules/customers/enable", null);
        accountsCache.restore(server.admin());
    }

    @Test
    void second_read_of_an_account_hits_and_a_patch_makes_the_next_read_miss_and_see_the_new_version() {
        List<String> bundles = bundles();
        long id = create("/api/customers/accounts", "{\"name\":\"Cached Corp\",\"city\":\"Bonn\"}");
        JsonNode start = stats("accounts");

        assertThat(api.get("/api/customers/accounts/" + id).status()).isEqualTo(200);
        JsonNode afterFirst = stats("accounts");
        assertThat(delta(start, afterFirst, "misses")).isGreaterThanOrEqualTo(1);
        var second = api.get("/api/customers/accounts/" + id);
        assertThat(second.json().path("city").asText()).isEqualTo("Bonn");
        JsonNode afterSecond = stats("accounts");
        assertThat(delta(afterFirst, afterSecond, "hits")).isGreaterThanOrEqualTo(1);
        assertThat(afterSecond.path("size").asLong()).isPositive();

        var patched = api.patch("/api/customers/accounts/" + id, "{\"city\":\"Köln\"}", second.header("ETag"));
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        JsonNode afterPatch = stats("accounts");
        var third = api.get("/api/customers/accounts/" + id);
        assertThat(third.json().path("city").asText()).isEqualTo("Köln");
        assertThat(third.json().path("version").asInt()).isEqualTo(patched.json().path("version").asInt());
        assertThat(third.header("ETag")).isEqualTo(patched.header("ETag"));
        assertThat(delta(afterPatch, stats("accounts"), "misses")).isGreaterThanOrEqualTo(1);
        assertThat(bundles()).isEqualTo(bundles);
    }

    @Test
    void a_patched_contact_is_never_served_in_its_old_version() {
        long account = create("/api/customers/accounts", "{\"name\":\"Contact Holder\"}");
        long id = create("/api/customers/contacts",
                "{\"accountId\":" + account + ",\"firstName\":\"Ada\",\"lastName\":\"Lovelace\",\"email\":\"ada@cache.example\"}");
        for (int round = 0; round < 5; round++) {
            var read = api.get("/api/customers/contacts/" + id);
            api.get("/api/customers/contacts/" + id);
            var patched = api.patch("/api/customers/contacts/" + id, "{\"title\":\"T" + round + "\"}", read.header("ETag"));
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            var after = api.get("/api/customers/contacts/" + id);
            assertThat(after.json().path("title").asText()).isEqualTo("T" + round);
            assertThat(after.header("ETag")).isEqualTo(patched.header("ETag"));
        }
        assertThat(stats("contacts").path("hits").asLong()).isPositive();
    }

    @Test
    void resizing_and_a_new_ttl_through_the_config_api_apply_live_without_restarting_any_bundle() throws Exception {
        List<String> bundles = bundles();
        long id = create("/api/customers/accounts", "{\"name\":\"Resized Corp\"}");
        api.get("/api/customers/accounts/" + id);

        var listed = api.get("/api/platform/config");
        assertThat(listed.json().path("items").findValuesAsText("pid")).contains(ACCOUNTS_PID, "io.mosaic.crm.cache~contacts");

        var resized = api.patch("/api/platform/config/" + ACCOUNTS_PID, "{\"heapEntries\": 123}", null);
        assertThat(resized.status()).as(resized.body()).isEqualTo(200);
        await(() -> stats("accounts"), s -> s.path("capacity").asLong() == 123);
        assertThat(api.get("/api/customers/accounts/" + id).status()).isEqualTo(200);

        var retimed = api.patch("/api/platform/config/" + ACCOUNTS_PID, "{\"ttlSeconds\": 42}", null);
        assertThat(retimed.status()).as(retimed.body()).isEqualTo(200);
        JsonNode after = await(() -> stats("accounts"), s -> s.path("ttlSeconds").asLong() == 42);
        assertThat(after.path("capacity").asLong()).isEqualTo(123);
        assertThat(api.get("/api/customers/accounts/" + id).json().path("name").asText()).isEqualTo("Resized Corp");
        assertThat(api.get("/api/customers/accounts/" + id).status()).isEqualTo(200);

        // FileInstall names factory configurations <factoryPid>-<name>.cfg
        Path file = server.home().resolve("config/io.mosaic.crm.cache-accounts.cfg");
        await(() -> read(file), text -> text.replace("\"", "").matches("(?s).*heapEntries\\s*=\\s*123.*"));
        assertThat(bundles()).isEqualTo(bundles);
    }

    @Test
    void a_stopped_module_loses_its_caches_and_declares_them_again_when_it_starts() throws Exception {
        long id = create("/api/customers/accounts", "{\"name\":\"Toggled Corp\"}");
        api.get("/api/customers/accounts/" + id);
        assertThat(api.post("/api/platform/modules/customers/disable", null).status()).isEqualTo(200);
        await(() -> api.get("/api/platform/runtime").json().path("cache"), c -> c.path("accounts").isMissingNode());
        assertThat(api.post("/api/platform/modules/customers/enable", null).status()).isEqualTo(200);
        JsonNode fresh = await(() -> api.get("/api/platform/runtime").json().path("cache").path("accounts"), JsonNode::isObject);
        assertThat(fresh.path("size").asLong()).isZero();
        await(() -> api.get("/api/customers/accounts/" + id).status(), status -> status == 200);
        api.get("/api/customers/accounts/" + id);
        assertThat(stats("accounts").path("hits").asLong()).isPositive();
    }

    @Test
    void rejects_a_cache_size_below_one_with_422_and_anonymous_config_changes_with_401() {
        var zero = api.patch("/api/platform/config/" + ACCOUNTS_PID, "{\"heapEntries\": 0}", null);
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().path("details").get(0).path("field").asText()).isEqualTo("heapEntries");
        var text = api.patch("/api/platform/config/" + ACCOUNTS_PID, "{\"ttlSeconds\": \"soon\"}", null);
        assertThat(text.status()).isEqualTo(422);
        var anonymous = server.anonymous().patch("/api/platform/config/" + ACCOUNTS_PID, "{\"heapEntries\": 5}", null);
        assertThat(anonymous.status()).isEqualTo(401);
    }

    private long create(String path, String json) {
        var r = api.post(path, json);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private JsonNode stats(String cache) {
        var r = api.get("/api/platform/runtime");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode stats = r.json().path("cache").path(cache);
        assertThat(stats.isObject()).as("cache %s in %s", cache, r.body()).isTrue();
        return stats;
    }

    private static long delta(JsonNode before, JsonNode after, String counter) {
        return after.path(counter).asLong() - before.path(counter).asLong();
    }

    /** Every bundle as id, name, state and (when the API shows it) last modification: a restart changes it. */
    private List<String> bundles() {
        List<String> seen = new ArrayList<>();
        for (JsonNode b : api.get("/api/platform/bundles").json().path("items")) {
            seen.add(b.path("id").asLong() + " " + b.path("symbolicName").asText() + " " + b.path("state").asText()
                    + " " + b.path("lastModified").asText(""));
        }
        assertThat(seen).isNotEmpty();
        return seen;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Polls (changes apply asynchronously through ConfigAdmin) until {@code done}; fails after a generous bound. */
    private static <T> T await(java.util.function.Supplier<T> value, Predicate<T> done) throws InterruptedException {
        T last = value.get();
        for (int i = 0; i < 500 && !done.test(last); i++) {
            Thread.sleep(20);
            last = value.get();
        }
        assertThat(done.test(last)).as("last seen: %s", last).isTrue();
        return last;
    }
}
