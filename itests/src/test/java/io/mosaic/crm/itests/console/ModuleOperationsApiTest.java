package io.mosaic.crm.itests.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.itests.TestLocks;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/** The module operations the console offers, over HTTP: upload update, uninstall, install from plugins/, wiring problems. */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class ModuleOperationsApiTest {
    @RegisterExtension   // a server of its own: installs, updates and uninstalls plugins
    static final MosaicPlatform server = MosaicPlatform.bare();
    private static final String SALES_PASSWORD = "Sales-Passw0rd-2026";

    @BeforeAll
    static void salesUser() {
        var created = server.admin().post("/api/security/users",
                "{\"username\":\"olga.sales\",\"password\":\"" + SALES_PASSWORD + "\",\"roles\":[\"sales\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void uninstalled_plugin_is_listed_and_installs_again_from_plugins() throws Exception {
        MosaicClient admin = server.admin();
        long id = drop("hello-plugin.jar", TestBundles.jar("test.hello", "1.0.0", null));

        var uninstalled = admin.delete("/api/platform/bundles/" + id);
        assertThat(uninstalled.status()).as(uninstalled.body()).isEqualTo(204);
        assertThat(admin.get("/api/platform/bundles/" + id).status()).isEqualTo(404);
        JsonNode file = plugin("hello-plugin.jar");
        assertThat(file.path("installed").asBoolean()).isFalse();
        assertThat(file.path("symbolicName").asText()).isEqualTo("test.hello");

        var installed = admin.post("/api/platform/plugins/install", "{\"file\":\"hello-plugin.jar\"}");
        assertThat(installed.status()).as(installed.body()).isEqualTo(200);
        assertThat(installed.json().path("state").asText()).isEqualTo("ACTIVE");
        assertThat(installed.json().path("startLevel").asInt()).isEqualTo(5);
        assertThat(plugin("hello-plugin.jar").path("installed").asBoolean()).isTrue();
        assertThat(admin.post("/api/platform/plugins/install", "{\"file\":\"hello-plugin.jar\"}").status()).isEqualTo(409);
    }

    @Test
    void uploaded_jar_updates_a_plugin_in_place() throws Exception {
        MosaicClient admin = server.admin();
        long id = drop("update-me.jar", TestBundles.jar("test.update", "1.0.0", null));
        String v2 = Base64.getEncoder().encodeToString(TestBundles.jar("test.update", "2.0.0", null));

        var updated = admin.send("PUT", "/api/platform/bundles/" + id + "/content",
                "{\"fileName\":\"update-me-2.jar\",\"content\":\"" + v2 + "\"}", java.util.Map.of());
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().path("version").asText()).isEqualTo("2.0.0");
        assertThat(updated.json().path("id").asLong()).isEqualTo(id);
    }

    @Test
    void rejects_bad_uploads_and_changes_to_platform_bundles() throws Exception {
        MosaicClient admin = server.admin();
        long id = drop("picky.jar", TestBundles.jar("test.picky", "1.0.0", null));
        String other = Base64.getEncoder().encodeToString(TestBundles.jar("test.other", "1.0.0", null));
        var wrongName = admin.send("PUT", "/api/platform/bundles/" + id + "/content",
                "{\"content\":\"" + other + "\"}", java.util.Map.of());
        assertThat(wrongName.status()).isEqualTo(422);
        var notBase64 = admin.send("PUT", "/api/platform/bundles/" + id + "/content", "{\"content\":\"%%%\"}", java.util.Map.of());
        assertThat(notBase64.status()).isEqualTo(400);
        var notAJar = admin.send("PUT", "/api/platform/bundles/" + id + "/content",
                "{\"content\":\"" + Base64.getEncoder().encodeToString("hello".getBytes()) + "\"}", java.util.Map.of());
        assertThat(notAJar.status()).isEqualTo(422);
        var unknownField = admin.send("PUT", "/api/platform/bundles/" + id + "/content", "{\"jar\":\"x\"}", java.util.Map.of());
        assertThat(unknownField.status()).isEqualTo(422);

        long platformAdmin = bundleId("io.mosaic.crm.platform.admin");
        assertThat(admin.delete("/api/platform/bundles/" + platformAdmin).status()).isEqualTo(409);
        assertThat(admin.delete("/api/platform/bundles/0").status()).isEqualTo(400); // ids are positive: the framework is not addressable
        assertThat(admin.delete("/api/platform/bundles/999999").status()).isEqualTo(404);
        assertThat(admin.delete("/api/platform/bundles/12abc").status()).isEqualTo(400);
        assertThat(admin.post("/api/platform/plugins/install", "{\"file\":\"../config/x.jar\"}").status()).isEqualTo(422);
        assertThat(admin.post("/api/platform/plugins/install", "{\"file\":\"absent.jar\"}").status()).isEqualTo(404);
    }

    @Test
    void an_unresolvable_bundle_says_in_words_what_it_misses() throws Exception {
        drop("needy.jar", TestBundles.jar("test.needy", "1.0.0", "org.example.missing;version=\"[1.0,2.0)\""));
        JsonNode bundle = await(() -> find("test.needy"), b -> b != null && b.path("problems").size() > 0);
        assertThat(bundle.path("state").asText()).isEqualTo("INSTALLED");
        assertThat(bundle.path("problems").get(0).asText())
                .isEqualTo("needs package org.example.missing version [1.0.0,2.0.0), which no installed bundle exports");
    }

    @Test
    void describes_a_configuration_for_a_form_with_types_ranges_and_defaults() {
        JsonNode schema = server.admin().get("/api/platform/config/io.mosaic.crm.http/schema").json();
        assertThat(schema.path("name").asText()).isEqualTo("HTTP server");
        JsonNode maxThreads = null;
        for (JsonNode attribute : schema.path("attributes")) {
            if (attribute.path("id").asText().equals("maxThreads")) {
                maxThreads = attribute;
            }
        }
        assertThat(maxThreads).isNotNull();
        assertThat(maxThreads.path("type").asText()).isEqualTo("integer");
        assertThat(maxThreads.path("min").asText()).isEqualTo("2");
        assertThat(maxThreads.path("max").asText()).isEqualTo("2000");
        assertThat(maxThreads.path("defaultValue").get(0).asText()).isEqualTo("200");
        assertThat(server.admin().get("/api/platform/config/no.such.pid/schema").status()).isEqualTo(404);
        assertThat(server.admin().get("/api/platform/config/bad%20pid/schema").status()).isEqualTo(400);
    }

    @Test
    void module_operations_need_credentials_and_the_admin_right() {
        String upload = "{\"content\":\"AAAA\"}";
        MosaicClient nobody = server.anonymous();
        MosaicClient sales = server.as("olga.sales", SALES_PASSWORD);
        for (MosaicClient caller : new MosaicClient[] {nobody, sales}) {
            int expected = caller == nobody ? 401 : 403;
            assertThat(caller.get("/api/platform/bundles").status()).isEqualTo(expected);
            assertThat(caller.get("/api/platform/bundles/1").status()).isEqualTo(expected);
            assertThat(caller.get("/api/platform/plugins").status()).isEqualTo(expected);
            assertThat(caller.get("/api/platform/config/io.mosaic.crm.http/schema").status()).isEqualTo(expected);
            assertThat(caller.send("PUT", "/api/platform/bundles/1/content", upload, java.util.Map.of()).status())
                    .isEqualTo(expected);
            assertThat(caller.delete("/api/platform/bundles/1").status()).isEqualTo(expected);
            assertThat(caller.post("/api/platform/plugins/install", "{\"file\":\"a.jar\"}").status()).isEqualTo(expected);
        }
    }

    /** Drops a jar into plugins/ and waits for FileInstall to install it; returns its bundle id. */
    private static long drop(String name, byte[] jar) throws Exception {
        Path plugins = server.home().resolve("plugins");
        Files.createDirectories(plugins);
        Path tmp = plugins.resolve(name + ".part");
        Files.write(tmp, jar);
        Files.move(tmp, plugins.resolve(name), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        JsonNode installed = await(() -> plugin(name), f -> f != null && f.path("installed").asBoolean());
        return installed.path("bundleId").asLong();
    }

    private static JsonNode plugin(String name) {
        for (JsonNode f : server.admin().get("/api/platform/plugins").json().path("items")) {
            if (f.path("file").asText().equals(name)) {
                return f;
            }
        }
        return null;
    }

    private static JsonNode find(String symbolicName) {
        for (JsonNode b : server.admin().get("/api/platform/bundles").json().path("items")) {
            if (b.path("symbolicName").asText().equals(symbolicName)) {
                return b;
            }
        }
        return null;
    }

    private static long bundleId(String symbolicName) {
        return find(symbolicName).path("id").asLong();
    }

    private static JsonNode await(Supplier<JsonNode> read, java.util.function.Predicate<JsonNode> done) throws InterruptedException {
        JsonNode last = read.get();
        for (int i = 0; i < 200 && !done.test(last); i++) {
            Thread.sleep(50);
            last = read.get();
        }
        assertThat(done.test(last)).as("condition never held; last: " + last).isTrue();
        return last;
    }
}
