package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class PlatformBootTest {
    @RegisterExtension   // a server of its own: checks a freshly booted server, empty account list included
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void every_bundle_is_active_after_boot() {
        var response = server.admin().get("/api/platform/bundles");
        assertThat(response.status()).isEqualTo(200);
        for (JsonNode bundle : response.json().path("items")) {
            if (!bundle.path("fragment").asBoolean()) {
                assertThat(bundle.path("state").asText()).as(bundle.path("symbolicName").asText()).isEqualTo("ACTIVE");
            }
        }
        assertThat(response.json().path("items").size()).isGreaterThan(25);
    }

    @Test
    void serves_an_empty_account_list_to_the_admin() {
        var response = server.admin().get("/api/customers/accounts");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().toString()).isEqualTo("{\"items\":[],\"next\":null}");
    }

    @Test
    void the_initial_admin_password_file_is_private() throws Exception {
        var perms = Files.getPosixFilePermissions(server.home().resolve("data/initial-admin-password"));
        assertThat(perms).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void rejects_missing_and_wrong_credentials_with_401_json() {
        for (MosaicClient api : new MosaicClient[] {server.anonymous(), server.as("admin", "wrong-password"),
                server.as("nobody", "x")}) {
            var response = api.get("/api/customers/accounts");
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.error()).isEqualTo("unauthorized");
            assertThat(response.json().has("message")).isTrue();
            assertThat(response.header("WWW-Authenticate")).contains("Basic");
        }
    }

    @Test
    void every_api_route_needs_authentication() {
        var openapi = server.admin().get("/api/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        var paths = openapi.json().path("paths");
        assertThat(paths.size()).isGreaterThan(5);
        paths.fieldNames().forEachRemaining(path -> {
            String concrete = path.replaceAll("\\{[^}]+}", "1");
            paths.path(path).fieldNames().forEachRemaining(method -> {
                if (method.startsWith("x-") || method.equals("parameters")
                        || paths.path(path).path(method).path("x-permission").asText().equals("public:read")) {
                    return; // public routes (sign-in, console assets, health) need no credentials by design
                }
                var response = server.anonymous().send(method.toUpperCase(), concrete, "{}", Map.of());
                assertThat(response.status()).as(method + " " + path).isEqualTo(401);
            });
        });
    }

    @Test
    void jetty_level_errors_are_json_too() {
        var response = server.admin().send("GET", "/api/customers/accounts", null, Map.of("X-Big", "x".repeat(20_000)));
        assertThat(response.status()).isBetween(400, 499);
        assertThat(response.json().has("error")).isTrue();
    }

    @Test
    void reports_live_runtime_facts() {
        var runtime = server.admin().get("/api/platform/runtime").json();
        assertThat(runtime.path("http").path("maxThreads").asInt()).isPositive();
        assertThat(runtime.path("db").path("maximumPoolSize").asInt()).isPositive();
        assertThat(runtime.path("jvm").path("heapUsedBytes").asLong()).isPositive();
    }
}
