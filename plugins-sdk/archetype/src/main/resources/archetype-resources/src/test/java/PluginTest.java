package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.RecordContract;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The plugin in a real Mosaic (all platform bundles, embedded MariaDB), over HTTP. */
class PluginTest {
    @RegisterExtension
    static final MosaicPlatform mosaic = MosaicPlatform.withPluginUnderTest()
            .withConfig("io.mosaic.crm.${moduleId}", "greeting = Welcome\nmaxNoteLength = 40\n");

    @Test
    void greets_with_the_configured_greeting() {
        MosaicResponse hello = mosaic.admin().get("/api/${moduleId}/hello");
        assertThat(hello.status()).as(hello.toString()).isEqualTo(200);
        assertThat(hello.json().path("message").asText()).isEqualTo("Welcome, admin!");
    }

    @Test
    void stores_a_note_in_its_own_table() {
        MosaicResponse created = mosaic.admin().post("/api/${moduleId}/notes", "{\"text\":\" first \"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(mosaic.admin().get(created.header("Location")).json().path("text").asText()).isEqualTo("first");
    }

    @Test
    void rejects_bad_input_and_strangers() {
        assertThat(mosaic.admin().post("/api/${moduleId}/notes", "{\"text\":\"\"}").status()).isEqualTo(422);
        assertThat(mosaic.admin().post("/api/${moduleId}/notes", "{\"text\":\"" + "x".repeat(41) + "\"}").status())
                .as("longer than maxNoteLength").isEqualTo(422);
        assertThat(mosaic.admin().get("/api/${moduleId}/notes/12abc").status()).isEqualTo(400);
        assertThat(mosaic.anonymous().get("/api/${moduleId}/hello").status()).isEqualTo(401);
    }

    /** The record kit's standard tests for the notes: CRUD, errors, paging, scope, field rules, history. */
    @TestFactory
    Stream<DynamicTest> notes_follow_the_record_contract() {
        return RecordContract.of("/api/${moduleId}/notes", "${moduleId}.notes")
                .sample(n -> "{\"text\":\"Note " + n + "\"}")
                .patch("{\"text\":\"Changed\"}", "text")
                .invalid("{\"text\":\"\"}", "text")
                .tests(mosaic.admin(), mosaic::as);
    }
}
