package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModuleToggleTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    /** Even when a test failed half-way: the classes after this one on the shared server need customers. */
    @AfterAll
    static void enableCustomers() {
        server.admin().post("/api/platform/modules/customers/enable", null);
    }

    @Test
    void disabled_module_answers_503_and_comes_back_with_its_data() {
        MosaicClient admin = server.admin();
        var created = admin.post("/api/customers/accounts", "{\"name\":\"Kept Ltd\",\"website\":\"https://kept.example\"}");
        assertThat(created.status()).isEqualTo(201);
        String location = created.header("Location");

        var disabled = admin.post("/api/platform/modules/customers/disable", null);
        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().path("state").asText()).isNotEqualTo("ACTIVE");

        for (String path : new String[] {"/api/customers/accounts", location, "/api/customers/contacts"}) {
            var response = admin.get(path);
            assertThat(response.status()).as(path).isEqualTo(503);
            assertThat(response.error()).isEqualTo("module_unavailable");
            assertThat(response.header("Retry-After")).isNotBlank();
        }

        var enabled = admin.post("/api/platform/modules/customers/enable", null);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().path("state").asText()).isEqualTo("ACTIVE");
        var again = admin.get(location);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("name").asText()).isEqualTo("Kept Ltd");
    }

    @Test
    void platform_module_cannot_be_disabled_and_unknown_modules_are_404() {
        var core = server.admin().post("/api/platform/modules/platform/disable", null);
        assertThat(core.status()).isEqualTo(409);
        assertThat(core.error()).isEqualTo("conflict");
        var unknown = server.admin().post("/api/platform/modules/nosuch/disable", null);
        assertThat(unknown.status()).isEqualTo(404);
    }

    @Test
    void lists_modules_with_id_name_version_state_and_base_path() {
        var modules = server.admin().get("/api/platform/modules").json().path("items");
        assertThat(modules.findValuesAsText("id")).contains("customers", "platform");
        for (var m : modules) {
            assertThat(m.path("basePath").asText()).startsWith("/");
            assertThat(m.path("version").asText()).isNotBlank();
            assertThat(m.path("state").asText()).isNotBlank();
        }
    }
}
