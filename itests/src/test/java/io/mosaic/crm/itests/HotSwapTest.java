package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Module updates and refreshes under load fail no request (issue 6, acceptance 2; DESIGN §4): while
 * 8 clients call the versioned-echo plugin without pause, it is updated 10 times (its jar replaced
 * in plugins/: FileInstall updates and refreshes it) and then refreshed 10 times; every answer is a
 * 200 from the old or the new version.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class HotSwapTest {
    private static final String JAR = "versioned-echo.jar";
    private static final int CLIENTS = 8;
    private static final List<String> PATHS = List.of("/api/echo", "/api/echo", "/api/echo", "/api/echo/slow");

    @RegisterExtension   // a server of its own: installs and replaces plugins under load
    static final MosaicPlatform server = MosaicPlatform.bare();
    private static MosaicClient admin;

    @BeforeAll
    static void installEcho() throws Exception {
        admin = server.admin();
        TestPlugins.drop(server, JAR, version(0));
        TestPlugins.await(server, 60, "the echo plugin serves", () -> admin.get("/api/echo").status() == 200);
    }

    private static byte[] version(int micro) throws Exception {
        return TestPlugins.withHeaders(TestPlugins.jar("versioned-echo"), Map.of("Bundle-Version", "1.0." + micro));
    }

    private static int servedVersion() {
        var r = admin.get("/api/echo");
        if (r.status() != 200) {
            return -1;
        }
        String v = r.json().path("version").asText();
        return Integer.parseInt(v.substring(v.lastIndexOf('.') + 1));
    }

    @Test
    void ten_updates_under_load_fail_no_request_and_every_answer_comes_from_the_old_or_new_version() throws Exception {
        int start = servedVersion();
        VersionedLoad load = new VersionedLoad(server::admin, PATHS, CLIENTS, start, 2_000_000);
        try {
            for (int micro = start + 1; micro <= start + 10; micro++) {
                long before = load.succeeded();
                load.installing(micro);
                TestPlugins.drop(server, JAR, version(micro));
                int expected = micro;
                TestPlugins.await(server, 60, "version 1.0." + micro + " serves", () -> servedVersion() == expected);
                load.serving(micro);
                TestPlugins.await(server, 30, "clients keep going", () -> load.succeeded() > before + CLIENTS);
            }
        } finally {
            load.close();
        }

        assertThat(load.failures()).as("failed requests").isEmpty();
        assertThat(load.succeeded()).isGreaterThan(100);
        assertThat(load.versions()).contains("1.0." + (start + 10));
        assertParkedWithoutTimeouts();
    }

    @Test
    void updates_uploaded_through_the_admin_api_under_load_fail_no_request() throws Exception {
        long id = echoBundleId();
        int start = servedVersion();
        VersionedLoad load = new VersionedLoad(server::admin, PATHS, CLIENTS, start, 2_000_000);
        try {
            for (int micro = start + 1; micro <= start + 5; micro++) {
                long before = load.succeeded();
                load.installing(micro);
                String upload = "{\"fileName\":\"echo.jar\",\"content\":\""
                        + Base64.getEncoder().encodeToString(version(micro)) + "\"}";
                var updated = admin.send("PUT", "/api/platform/bundles/" + id + "/content", upload, Map.of());
                assertThat(updated.status()).as(updated.body()).isEqualTo(200);
                assertThat(servedVersion()).isEqualTo(micro);
                load.serving(micro);
                TestPlugins.await(server, 30, "clients keep going", () -> load.succeeded() > before + CLIENTS);
            }
        } finally {
            load.close();
        }

        assertThat(load.failures()).as("failed requests").isEmpty();
        assertThat(load.versions()).contains("1.0." + (start + 5));
        assertParkedWithoutTimeouts();
    }

    @Test
    void ten_refreshes_under_load_fail_no_request() throws Exception {
        long id = echoBundleId();
        int current = servedVersion();
        VersionedLoad load = new VersionedLoad(server::admin, PATHS, CLIENTS, current, 2_000_000);
        try {
            for (int i = 0; i < 10; i++) {
                long before = load.succeeded();
                var refreshed = admin.post("/api/platform/bundles/" + id + "/refresh", null);
                assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
                assertThat(refreshed.json().path("state").asText()).isEqualTo("ACTIVE");
                TestPlugins.await(server, 30, "clients keep going", () -> load.succeeded() > before + CLIENTS);
            }
        } finally {
            load.close();
        }

        assertThat(load.failures()).as("failed requests").isEmpty();
        assertThat(load.succeeded()).isGreaterThan(100);
        assertParkedWithoutTimeouts();
    }

    /**
     * The same for a module whose routes are the record kit's: the customers bundle is refreshed 5
     * times while clients read a record and a list; its record types stay in the metadata.
     */
    @Test
    void refreshes_of_a_record_kit_module_under_load_fail_no_request() throws Exception {
        var created = admin.post("/api/customers/accounts", "{\"name\":\"Swap Proof AG\"}");
        assertThat(created.status()).isEqualTo(201);
        long id = bundleId("io.mosaic.crm.customers");
        try (LoadLoop one = new LoadLoop(admin, created.header("Location"), 200, 3, 1_000_000);
                LoadLoop list = new LoadLoop(admin, "/api/customers/accounts?limit=5&sort=-createdAt", 200, 3, 1_000_000)) {
            for (int i = 0; i < 5; i++) {
                long before = one.succeeded() + list.succeeded();
                var refreshed = admin.post("/api/platform/bundles/" + id + "/refresh", null);
                assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
                TestPlugins.await(server, 30, "clients keep going", () -> one.succeeded() + list.succeeded() > before + 6);
            }
            one.close();
            list.close();
            assertThat(one.failures()).as("failed requests for one account").isEmpty();
            assertThat(list.failures()).as("failed list requests").isEmpty();
            assertThat(one.succeeded() + list.succeeded()).isGreaterThan(50);
        }
        assertThat(admin.get("/api/metadata/customers/accounts").status()).isEqualTo(200);
        assertParkedWithoutTimeouts();
    }

    @Test
    void refreshing_needs_the_admin_permission_and_an_existing_changeable_bundle() {
        assertThat(server.anonymous().post("/api/platform/bundles/" + echoBundleId() + "/refresh", null).status())
                .isEqualTo(401);
        assertThat(admin.post("/api/platform/bundles/999999/refresh", null).status()).isEqualTo(404);
        assertThat(admin.post("/api/platform/bundles/abc/refresh", null).status()).isEqualTo(400);
        assertThat(admin.post("/api/platform/bundles/" + bundleId("io.mosaic.crm.platform.http") + "/refresh", null)
                .status()).as("a platform bundle").isEqualTo(409);
    }

    private static void assertParkedWithoutTimeouts() {
        var parking = admin.get("/api/platform/runtime").json().path("http").path("parking");
        assertThat(parking.path("parkTimeouts").asLong()).as(parking.toString()).isZero();
        assertThat(parking.path("parkedNow").asLong()).isZero();
        System.out.println("parking after the swaps: " + parking); // parkedTotal: requests that waited for a swap
    }

    private static long echoBundleId() {
        return bundleId("io.mosaic.crm.testing.echo");
    }

    private static long bundleId(String symbolicName) {
        for (var bundle : admin.get("/api/platform/bundles").json().path("items")) {
            if (bundle.path("symbolicName").asText().equals(symbolicName)) {
                return bundle.path("id").asLong();
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }
}
