package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin in a real Mosaic (all platform bundles, embedded MariaDB), over HTTP. */
class PluginTest {
    @RegisterExtension
    static final MosaicPlatform mosaic = MosaicPlatform.withPluginUnderTest()
            .withConfig("io.mosaic.crm.${moduleId}", "greeting = Welcome\n");

    @Test
    void greets_with_the_configured_greeting() {
        MosaicResponse hello = mosaic.admin().get("/api/${moduleId}/hello");
        assertThat(hello.status()).as(hello.toString()).isEqualTo(200);
        assertThat(hello.json().path("message").asText()).isEqualTo("Welcome, admin!");
    }

    @Test
    void stores_a_note_in_its_own_table() {
        MosaicResponse created = mosaic.admin().post("/api/${moduleId}/notes", "{\"text\":\"first\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(mosaic.admin().get(created.header("Location")).json().path("text").asText()).isEqualTo("first");
    }

    @Test
    void rejects_bad_input_and_strangers() {
        assertThat(mosaic.admin().post("/api/${moduleId}/notes", "{\"text\":\"\"}").status()).isEqualTo(422);
        assertThat(mosaic.admin().get("/api/${moduleId}/notes/12abc").status()).isEqualTo(400);
        assertThat(mosaic.anonymous().get("/api/${moduleId}/hello").status()).isEqualTo(401);
    }
}
