package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Thread pool and DB pool retuned through ConfigAdmin and by editing config files, under load. */
class LiveRetuneTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();
    private static SavedConfig http;
    private static SavedConfig db;

    @BeforeAll
    static void saveThePools() {
        http = SavedConfig.of(server.admin(), "io.mosaic.crm.http", "maxThreads", "minThreads");
        db = SavedConfig.of(server.admin(), "io.mosaic.crm.db", "maximumPoolSize");
    }

    /** The classes after this one on the shared server find the pools as booted. */
    @AfterAll
    static void restoreThePools() {
        http.restore(server.admin());
        db.restore(server.admin());
    }

    @Test
    void config_api_change_applies_live_without_failed_requests_and_is_written_back() throws Exception {
        MosaicClient admin = server.admin();
        try (LoadLoop load = new LoadLoop(admin, "/api/customers/accounts", 200, 4, 200_000)) {
            var http = admin.patch("/api/platform/config/io.mosaic.crm.http", "{\"maxThreads\": 57}", null);
            assertThat(http.status()).as(http.body()).isEqualTo(200);
            var db = admin.patch("/api/platform/config/io.mosaic.crm.db", "{\"maximumPoolSize\": 23}", null);
            assertThat(db.status()).as(db.body()).isEqualTo(200);

            long tookHttp = awaitValue(() -> runtime("http", "maxThreads"), 57);
            long tookDb = awaitValue(() -> runtime("db", "maximumPoolSize"), 23);
            System.out.printf("live retune visible after %d ms (http) and %d ms (db)%n", tookHttp, tookDb);
            Thread.sleep(300);
            assertThat(load.succeeded()).isPositive();
            assertThat(load.failures()).isEmpty();
        }
        assertThat(awaitFileValue("io.mosaic.crm.http", "maxThreads", "57")).isTrue();
        assertThat(awaitFileValue("io.mosaic.crm.db", "maximumPoolSize", "23")).isTrue();
    }

    @Test
    void hand_edited_config_file_is_picked_up() throws Exception {
        Path file = server.home().resolve("config/io.mosaic.crm.http.cfg");
        Properties props = read(file);
        String old = props.getProperty("minThreads");
        String text = Files.readString(file).replaceAll("(?m)^minThreads\\s*=.*$", "minThreads = 11");
        if (old == null) {
            text = text + "\nminThreads = 11\n";
        }
        Files.writeString(file, text);
        long took = awaitValue(() -> runtime("http", "minThreads"), 11);
        System.out.printf("hand edit visible after %d ms%n", took);
    }

    @Test
    void rejects_invalid_values_with_422_and_unknown_pids_with_404() {
        MosaicClient admin = server.admin();
        var negative = admin.patch("/api/platform/config/io.mosaic.crm.http", "{\"maxThreads\": -3}", null);
        assertThat(negative.status()).isEqualTo(422);
        assertThat(negative.json().path("details").get(0).path("field").asText()).isEqualTo("maxThreads");
        var text = admin.patch("/api/platform/config/io.mosaic.crm.http", "{\"maxThreads\": \"many\"}", null);
        assertThat(text.status()).isEqualTo(422);
        var unknownKey = admin.patch("/api/platform/config/io.mosaic.crm.http", "{\"colour\": 1}", null);
        assertThat(unknownKey.status()).isEqualTo(422);
        var unknownPid = admin.patch("/api/platform/config/no.such.pid", "{\"a\": 1}", null);
        assertThat(unknownPid.status()).isEqualTo(404);
        assertThat(runtime("http", "maxThreads")).isPositive();
    }

    private static int runtime(String section, String key) {
        return server.admin().get("/api/platform/runtime").json().path(section).path(key).asInt();
    }

    /** Polls until the value shows; returns how long it took. Fails after a generous bound. */
    private static long awaitValue(IntSupplier actual, int expected) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < 10_000_000_000L) {
            if (actual.getAsInt() == expected) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        assertThat(actual.getAsInt()).isEqualTo(expected);
        return -1;
    }

    private static boolean awaitFileValue(String pid, String key, String expected) throws Exception {
        Path file = server.home().resolve("config/" + pid + ".cfg");
        for (int i = 0; i < 100; i++) {
            if (expected.equals(read(file).getProperty(key, "").replace("\"", "").trim())) {
                return true;
            }
            Thread.sleep(50);
        }
        System.out.println(Files.readString(file));
        return false;
    }

    private static Properties read(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
