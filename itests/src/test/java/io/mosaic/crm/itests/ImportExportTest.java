package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CSV import jobs and streamed exports over real HTTP on real MariaDB: a dry run of a broken file
 * lists every bad row and writes nothing; 100,000 contacts import with monotonic progress, export
 * in one streamed response, revert, and import again from the export; updates revert from history;
 * bad requests are 4xx JSON.
 */
class ImportExportTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();
    private static final String RUN = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    private static final Map<String, String> CSV = Map.of("Content-Type", "text/csv; charset=utf-8");

    private final MosaicClient api = server.admin();

    private MosaicResponse upload(String query, byte[] csv) {
        return api.sendRaw("POST", "/api/jobs/imports?" + query, csv, CSV);
    }

    /** Polls the job until it finished; answers the rowsRead figures seen on the way and the final job. */
    private JsonNode finish(long id, List<Long> progress) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            JsonNode job = api.get("/api/jobs/" + id).json();
            progress.add(job.path("rowsRead").asLong());
            if (Set.of("succeeded", "failed", "canceled").contains(job.path("state").asText())) {
                return job;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("job " + id + " did not finish");
    }

    private JsonNode imported(String query, byte[] csv) throws InterruptedException {
        MosaicResponse created = upload(query, csv);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo("/api/jobs/" + created.json().path("id").asLong());
        return finish(created.json().path("id").asLong(), new ArrayList<>());
    }

    private String export(String lastName) {
        MosaicResponse r = api.get("/api/customers/contacts/export?lastName=" + lastName + "&fields=firstName,lastName,email,title");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        return r.body();
    }

    @Test
    void a_dry_run_of_a_broken_file_lists_every_bad_row_and_writes_nothing() throws Exception {
        String last = "Broken" + RUN;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});                 // a BOM
        file.write(("firstName,lastName,email,title\r\n"
                + "Good,"  + last + ",good." + RUN + "@example.com,CEO\r\n"          // line 2
                + "Bad,"   + last + ",not-an-email,\r\n"                              // line 3: bad e-mail
                + "Nolast,,nolast." + RUN + "@example.com,\r\n"                       // line 4: required lastName
                + "Long," + last + ",long." + RUN + "@example.com," + "x".repeat(10_000) + "\r\n" // line 5: too long
                + "Dup,"   + last + ",good." + RUN + "@example.com,\r\n"              // line 6: duplicate of line 2
                + "Cells," + last + "\r\n").getBytes(StandardCharsets.UTF_8));       // line 7: too few cells
        file.write("Utf,".getBytes(StandardCharsets.UTF_8));                            // line 8: invalid UTF-8
        file.write(new byte[] {(byte) 0xC3, (byte) 0x28});
        file.write(("," + last + ",utf." + RUN + "@example.com,\r\n"
                + "\"Multi\nline\"," + last + ",multi." + RUN + "@example.com,\"a, \"\"quoted\"\" title\"\r\n" // lines 9-10: a line break is a control character
                + "Quote," + last + ",quote." + RUN + "@example.com,\"never closed\r\n"   // line 11: broken quoting
                + "After," + last + ",after." + RUN + "@example.com,\r\n").getBytes(StandardCharsets.UTF_8));

        JsonNode job = imported("entity=customers.contact&dryRun=true", file.toByteArray());

        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
        Set<String> errors = new TreeSet<>();
        job.path("errors").forEach(e -> errors.add(e.path("line").asLong() + " " + e.path("field").asText() + " "
                + e.path("problem").asText().replaceAll("[:;].*", "")));
        assertThat(errors).containsExactlyInAnyOrder("3 email invalid_email", "4 lastName required", "5 title too_long",
                "6 email duplicate", "7  wrong_cell_count", "8  invalid_utf8", "9 firstName control_characters", "11  malformed_csv");
        assertThat(job.path("rowsFailed").asLong()).isEqualTo(8);
        assertThat(job.path("rowsImported").asLong()).as("would import").isEqualTo(1);
        assertThat(export(last).lines()).as("the dry run wrote nothing").hasSize(1);
        String csv = api.get("/api/jobs/" + job.path("id").asLong() + "/errors.csv").body();
        assertThat(csv.lines().findFirst()).hasValue("line,field,problem");
        assertThat(csv.lines()).hasSize(9).anyMatch(l -> l.startsWith("3,email,invalid_email"));
    }

    @Test
    void a_hundred_thousand_rows_import_export_revert_and_import_again_from_the_export() throws Exception {
        String last = "Bulk" + RUN;
        StringBuilder file = new StringBuilder("lastName,firstName,email,title\n");
        for (int i = 0; i < 100_000; i++) {
            file.append(last).append(",F").append(i).append(",bulk").append(i).append('.').append(RUN)
                    .append("@example.com,\"Title, ").append(i % 97).append("\"\n");
        }
        MosaicResponse created = upload("entity=customers.contact&matchFields=email&policy=skip",
                file.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<Long> progress = new ArrayList<>();
        JsonNode job = finish(created.json().path("id").asLong(), progress);
        assertThat(job.path("state").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("rowsImported").asLong()).isEqualTo(100_000);
        assertThat(job.path("rowsFailed").asLong()).isZero();
        assertThat(progress).isSorted().last().isEqualTo(100_000L);

        String exported = export(last);
        assertThat(exported.lines()).hasSize(100_001);
        assertThat(exported.lines().findFirst()).hasValue("firstName,lastName,email,title");
        assertThat(exported).contains("\"Title, 42\"");

        JsonNode reverted = api.post("/api/jobs/" + job.path("id").asLong() + "/revert", null).json();
        assertThat(reverted.path("deleted").asLong()).as(reverted.toString()).isEqualTo(100_000);
        assertThat(export(last).lines()).as("revert restored the table").hasSize(1);
        assertThat(api.post("/api/jobs/" + job.path("id").asLong() + "/revert", null).status()).isEqualTo(409);

        JsonNode again = imported("entity=customers.contact", exported.getBytes(StandardCharsets.UTF_8));
        assertThat(again.path("rowsImported").asLong()).as(again.toString()).isEqualTo(100_000);
        assertThat(export(last)).as("the export round-trips").isEqualTo(exported);
    }

    @Test
    void an_update_import_changes_matched_records_and_its_revert_restores_them_from_history() throws Exception {
        String last = "Upd" + RUN;
        MosaicResponse contact = api.post("/api/customers/contacts", "{\"lastName\":\"" + last + "\",\"email\":\"upd."
                + RUN + "@example.com\",\"title\":\"Before\"}");
        String csv = "Mail,Job title\nUPD." + RUN + "@example.com,After\nnew." + RUN + "@example.com,New\n";
        JsonNode job = imported("entity=customers.contact&policy=update&matchFields=email&mapping="
                + "Mail:email,Job%20title:title", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(job.path("rowsUpdated").asLong()).as(job.toString()).isEqualTo(1);
        assertThat(job.path("rowsFailed").asLong()).as("a new record needs lastName").isEqualTo(1);
        String path = contact.header("Location");
        assertThat(api.get(path).json().path("title").asText()).isEqualTo("After");

        api.post("/api/jobs/" + job.path("id").asLong() + "/revert", null);
        assertThat(api.get(path).json().path("title").asText()).isEqualTo("Before");
    }

    @Test
    void bad_requests_are_4xx_json_and_leave_no_job() {
        byte[] csv = "lastName\nX\n".getBytes(StandardCharsets.UTF_8);
        assertThat(upload("", csv).status()).isEqualTo(400);
        assertThat(upload("entity=nope.nothing", csv).status()).isEqualTo(404);
        assertThat(upload("entity=customers.contact&dryRun=maybe", csv).status()).isEqualTo(400);
        assertThat(upload("entity=customers.contact&mapping=lastName:noSuchField", csv).error()).isEqualTo("validation_failed");
        assertThat(upload("entity=customers.contact&policy=merge", csv).status()).isEqualTo(422);
        assertThat(upload("entity=customers.contact", new byte[0]).status()).isEqualTo(400);
        assertThat(upload("entity=customers.contact", "\"open\n".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
        MosaicResponse json = api.sendRaw("POST", "/api/jobs/imports?entity=customers.contact", csv,
                Map.of("Content-Type", "application/json"));
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.json().path("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(api.get("/api/jobs/999999999").status()).isEqualTo(404);
        assertThat(api.get("/api/customers/contacts/export?format=xml").status()).isEqualTo(400);
        assertThat(api.get("/api/customers/contacts/export?sort=nope").status()).isEqualTo(400);
    }
}
