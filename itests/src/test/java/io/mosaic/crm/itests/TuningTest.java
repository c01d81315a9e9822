package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * platform-tuning end to end: a small DB pool saturated by concurrent slow queries (the test-only
 * slow-queries plugin), the advisor's recommendation, applying it, the wait gone, rollback — all
 * without restarting any bundle.
 */
@ResourceLock(TestLocks.CORES)
class TuningTest {
    @RegisterExtension   // a server of its own: installs a plugin, shrinks the DB pool, restarts
    static final MosaicPlatform server = MosaicPlatform.bare();
    private static final String DB = "io.mosaic.crm.db";
    private static final String SLOW = "/api/slowq/sleep?ms=200";
    private static final int CLIENTS = 8;

    @BeforeAll
    static void drop_in_the_slow_queries_plugin() throws Exception {
        Path jar = Path.of(System.getProperty("mosaic.slowq.jar",
                "../testing/plugins/slow-queries/target/mosaic-testing-slow-queries-0.1.0-SNAPSHOT.jar"));
        Files.copy(jar, server.home().resolve("plugins/slow-queries.jar"));
        MosaicClient admin = server.admin();
        for (int i = 0; i < 300 && admin.get("/api/slowq/sleep?ms=1").status() != 200; i++) {
            Thread.sleep(100);
        }
        assertThat(admin.get("/api/slowq/sleep?ms=1").status()).as(server.log()).isEqualTo(200);
    }

    @Test
    void advisor_raises_a_saturated_pool_the_change_removes_the_wait_and_rollback_restores_it() throws Exception {
        MosaicClient admin = server.admin();
        Map<Long, String> bundlesBefore = bundles(admin);

        var small = admin.patch("/api/platform/config/" + DB, "{\"maximumPoolSize\": 2}", null);
        assertThat(small.status()).as(small.body()).isEqualTo(200);
        awaitValue(() -> runtime("maximumPoolSize"), 2);
        JsonNode patched = admin.get("/api/platform/tuning/changes?limit=1").json().path("items").get(0);
        assertThat(patched.path("pid").asText()).isEqualTo(DB);
        assertThat(patched.path("key").asText()).isEqualTo("maximumPoolSize");
        assertThat(patched.path("new").asText()).isEqualTo("2");
        assertThat(patched.path("who").asText()).isEqualTo("admin");
        assertThat(patched.path("source").asText()).isEqualTo("config");

        JsonNode advice;
        int maxWaiting = 0;
        try (LoadLoop load = new LoadLoop(admin, SLOW, 200, CLIENTS, 100_000)) {
            long end = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < end) {
                maxWaiting = Math.max(maxWaiting, runtime("threadsAwaitingConnection"));
                Thread.sleep(100);
            }
            advice = admin.get("/api/platform/tuning/advice").json();
            assertThat(load.succeeded()).isPositive();
        }
        assertThat(maxWaiting).as("callers waited for the pool of 2").isPositive();
        JsonNode pool = item(advice, DB, "maximumPoolSize");
        assertThat(pool).as(advice.toString()).isNotNull();
        int recommended = pool.path("recommended").asInt();
        System.out.println("advice: " + pool.toPrettyString());
        assertThat(pool.path("current").asInt()).isEqualTo(2);
        assertThat(recommended).isGreaterThanOrEqualTo(CLIENTS).isLessThanOrEqualTo(500);
        assertThat(pool.path("reason").asText()).contains("Little's law");
        assertThat(pool.path("evidence").path("meanWaiting").asDouble()).isPositive();

        var applied = admin.post("/api/platform/tuning/apply",
                "{\"adviceId\": \"" + pool.path("id").asText() + "\", \"reason\": \"itest: pool saturated\"}");
        assertThat(applied.status()).as(applied.body()).isEqualTo(200);
        JsonNode change = applied.json().path("items").get(0);
        assertThat(change.path("old").asText()).isEqualTo("2");
        assertThat(change.path("new").asText()).isEqualTo(String.valueOf(recommended));
        assertThat(change.path("source").asText()).isEqualTo("advice");
        awaitValue(() -> runtime("maximumPoolSize"), recommended);
        assertThat(awaitFile("maximumPoolSize", String.valueOf(recommended))).isTrue();

        try (LoadLoop load = new LoadLoop(admin, SLOW, 200, CLIENTS, 100_000)) {
            Thread.sleep(1500); // the pool opens its new connections on the first demand
            int waiting = 0;
            for (int i = 0; i < 20; i++) {
                waiting = Math.max(waiting, runtime("threadsAwaitingConnection"));
                Thread.sleep(100);
            }
            assertThat(waiting).as("no caller waits for a connection any more").isZero();
            assertThat(load.succeeded()).isPositive();
            assertThat(load.failures()).as("no acquire timeouts or other failures").isEmpty();
        }

        var rollback = admin.post("/api/platform/tuning/rollback/" + change.path("id").asLong(), null);
        assertThat(rollback.status()).as(rollback.body()).isEqualTo(200);
        awaitValue(() -> runtime("maximumPoolSize"), 2);
        assertThat(admin.get("/api/platform/config/" + DB).json().path("values").path("maximumPoolSize").asText())
                .isEqualTo("2");
        assertThat(awaitFile("maximumPoolSize", "2")).isTrue();
        JsonNode history = admin.get("/api/platform/tuning/changes").json().path("items");
        assertThat(history.get(0).path("source").asText()).isEqualTo("rollback");
        assertThat(history.get(0).path("new").asText()).isEqualTo("2");
        assertThat(history.get(1).path("id").asLong()).isEqualTo(change.path("id").asLong());
        assertThat(history.get(1).path("rolledBack").asBoolean()).isTrue();
        var again = admin.post("/api/platform/tuning/rollback/" + change.path("id").asLong(), null);
        assertThat(again.status()).isEqualTo(409);

        assertThat(bundles(admin)).as("no bundle was restarted or replaced").isEqualTo(bundlesBefore);
    }

    @Test
    void slow_select_is_explained_without_its_values_and_the_threshold_change_is_recorded() throws Exception {
        MosaicClient admin = server.admin();
        var threshold = admin.post("/api/platform/tuning/apply", "{\"changes\":[{\"pid\":\"" + DB
                + "\",\"key\":\"slowQueryMillis\",\"value\":100}],\"reason\":\"itest: catch 300 ms sleeps\"}");
        assertThat(threshold.status()).as(threshold.body()).isEqualTo(200);
        JsonNode change = threshold.json().path("items").get(0);
        assertThat(change.path("key").asText()).isEqualTo("slowQueryMillis");
        assertThat(change.path("new").asText()).isEqualTo("100");
        assertThat(change.path("reason").asText()).isEqualTo("itest: catch 300 ms sleeps");
        JsonNode slow = null;
        for (int i = 0; i < 50 && slow == null; i++) {
            assertThat(admin.get("/api/slowq/sleep?ms=300").status()).isEqualTo(200);
            for (JsonNode item : admin.get("/api/platform/tuning/advice").json().path("items")) {
                if (item.path("id").asText().startsWith("db.slow.")) {
                    slow = item;
                }
            }
        }
        assertThat(slow).as("slow-query advice").isNotNull();
        System.out.println("slow query advice: " + slow.toPrettyString());
        assertThat(slow.path("evidence").path("sql").asText()).isEqualToIgnoringCase("SELECT SLEEP(?)");
        assertThat(slow.path("recommended").asText()).isEqualTo("no index can help");
        assertThat(slow.path("parameter").isNull()).isTrue();
        var back = admin.post("/api/platform/tuning/rollback/" + change.path("id").asLong(), null);
        assertThat(back.status()).as(back.body()).isEqualTo(200);
    }

    @Test
    void history_survives_a_restart() throws Exception {
        var recorded = server.admin().post("/api/platform/tuning/apply", "{\"changes\":[{\"pid\":\"io.mosaic.crm.tuning\","
                + "\"key\":\"headroomPercent\",\"value\":30}],\"reason\":\"itest: before restart\"}");
        assertThat(recorded.status()).as(recorded.body()).isEqualTo(200);
        JsonNode before = server.admin().get("/api/platform/tuning/changes").json().path("items");
        server.stop();
        server.start();
        JsonNode after = server.admin().get("/api/platform/tuning/changes").json().path("items");
        assertThat(after).isEqualTo(before);
        JsonNode headroom = find(server.admin().get("/api/platform/tuning/parameters?pid=io.mosaic.crm.tuning").json()
                .path("items"), "io.mosaic.crm.tuning", "headroomPercent");
        assertThat(headroom.path("current").asInt()).isEqualTo(30);
    }

    @Test
    void catalogue_lists_ranges_current_values_and_when_changes_apply() {
        JsonNode items = server.admin().get("/api/platform/tuning/parameters").json().path("items");
        JsonNode pool = find(items, DB, "maximumPoolSize");
        assertThat(pool.path("type").asText()).isEqualTo("integer");
        assertThat(pool.path("min").asText()).isEqualTo("1");
        assertThat(pool.path("max").asText()).isEqualTo("500");
        assertThat(pool.path("applies").asText()).isEqualTo("immediate");
        assertThat(pool.path("unit").asText()).isEqualTo("connections");
        assertThat(pool.path("current").isNumber()).isTrue();
        assertThat(find(items, "io.mosaic.crm.http", "maxThreads").path("applies").asText()).isEqualTo("lazy");
        assertThat(find(items, "io.mosaic.crm.tuning", "windowSeconds")).isNotNull();
        for (JsonNode item : items) {
            assertThat(item.path("type").asText()).isNotEqualTo("password");
        }
    }

    @Test
    void rejects_strangers_with_401_and_bad_input_with_4xx() {
        MosaicClient admin = server.admin();
        assertThat(server.anonymous().get("/api/platform/tuning/parameters").status()).isEqualTo(401);
        assertThat(server.anonymous().post("/api/platform/tuning/apply", "{\"adviceId\":\"x\"}").status()).isEqualTo(401);
        assertThat(admin.post("/api/platform/tuning/apply", "{}").status()).isEqualTo(400);
        assertThat(admin.post("/api/platform/tuning/apply", "{\"adviceId\":\"x\",\"changes\":[]}").status()).isEqualTo(400);
        assertThat(admin.post("/api/platform/tuning/apply", "{\"adviceId\":\"no.such.advice\"}").status()).isEqualTo(404);
        assertThat(admin.post("/api/platform/tuning/apply", "{\"colour\":1}").status()).isEqualTo(422);
        var outOfRange = admin.post("/api/platform/tuning/apply",
                "{\"changes\":[{\"pid\":\"" + DB + "\",\"key\":\"maximumPoolSize\",\"value\":0}]}");
        assertThat(outOfRange.status()).as(outOfRange.body()).isEqualTo(422);
        assertThat(outOfRange.json().path("details").get(0).path("field").asText()).isEqualTo("changes[0].value");
        var wrongType = admin.post("/api/platform/tuning/apply",
                "{\"changes\":[{\"pid\":\"" + DB + "\",\"key\":\"maximumPoolSize\",\"value\":\"many\"}]}");
        assertThat(wrongType.status()).isEqualTo(422);
        var unknown = admin.post("/api/platform/tuning/apply",
                "{\"changes\":[{\"pid\":\"no.such.pid\",\"key\":\"a\",\"value\":1}]}");
        assertThat(unknown.status()).isEqualTo(422);
        var secret = admin.post("/api/platform/tuning/apply",
                "{\"changes\":[{\"pid\":\"" + DB + "\",\"key\":\"password\",\"value\":\"x\"}]}");
        assertThat(secret.status()).isEqualTo(422);
        assertThat(admin.post("/api/platform/tuning/rollback/12abc", null).status()).isEqualTo(400);
        assertThat(admin.post("/api/platform/tuning/rollback/999999", null).status()).isEqualTo(404);
        assertThat(admin.get("/api/platform/tuning/changes?limit=0").status()).isEqualTo(400);
    }

    @Test
    void a_reader_may_look_but_not_change_403() {
        MosaicClient admin = server.admin();
        var created = admin.post("/api/security/users", "{\"username\":\"tuning-watcher\",\"email\":\"watcher@example.com\","
                + "\"password\":\"Watch-the-pool-2026!\",\"roles\":[\"read-only\"]}");
        assumeTrue(created.status() == 201, "user management not available: " + created);
        MosaicClient reader = server.as("tuning-watcher", "Watch-the-pool-2026!");
        assertThat(reader.get("/api/platform/tuning/changes").status()).isEqualTo(200);
        var apply = reader.post("/api/platform/tuning/apply",
                "{\"changes\":[{\"pid\":\"" + DB + "\",\"key\":\"maximumPoolSize\",\"value\":9}]}");
        assertThat(apply.status()).as(apply.body()).isEqualTo(403);
        assertThat(reader.post("/api/platform/tuning/rollback/1", null).status()).isEqualTo(403);
    }

    private static JsonNode item(JsonNode advice, String pid, String key) {
        for (JsonNode item : advice.path("items")) {
            if (pid.equals(item.path("parameter").path("pid").asText()) && key.equals(item.path("parameter").path("key").asText())) {
                return item;
            }
        }
        return null;
    }

    private static JsonNode find(JsonNode items, String pid, String key) {
        for (JsonNode item : items) {
            if (pid.equals(item.path("pid").asText()) && key.equals(item.path("key").asText())) {
                return item;
            }
        }
        throw new AssertionError("no parameter " + pid + "/" + key + " in " + items);
    }

    private static Map<Long, String> bundles(MosaicClient admin) {
        Map<Long, String> states = new TreeMap<>();
        for (JsonNode b : admin.get("/api/platform/bundles").json().path("items")) {
            states.put(b.path("id").asLong(), b.path("symbolicName").asText() + " " + b.path("state").asText());
        }
        return states;
    }

    private static int runtime(String key) {
        return server.admin().get("/api/platform/runtime").json().path("db").path(key).asInt();
    }

    private static void awaitValue(IntSupplier actual, int expected) throws InterruptedException {
        for (int i = 0; i < 500 && actual.getAsInt() != expected; i++) {
            Thread.sleep(20);
        }
        assertThat(actual.getAsInt()).isEqualTo(expected);
    }

    private static boolean awaitFile(String key, String expected) throws Exception {
        Path file = server.home().resolve("config/" + DB + ".cfg");
        for (int i = 0; i < 100; i++) {
            for (String line : Files.readAllLines(file)) {
                String[] kv = line.split("=", 2);
                if (kv.length == 2 && kv[0].trim().equals(key) && kv[1].replace("\"", "").trim().equals(expected)) {
                    return true;
                }
            }
            Thread.sleep(50);
        }
        System.out.println(Files.readString(file));
        return false;
    }
}
