package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mosaic.crm.itests.client.ApiClient;
import io.mosaic.crm.itests.client.ApiException;
import io.mosaic.crm.itests.client.api.CustomersApi;
import io.mosaic.crm.itests.client.model.Account;
import io.mosaic.crm.itests.client.model.AccountCreate;
import io.mosaic.crm.itests.client.model.AccountPatch;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OpenAPI document of a booted distribution: it passes {@code redocly lint} (recommended rules),
 * it is the one committed as {@code docs/api/openapi.json}, and the Java client generated from that
 * file (itests' {@code generate-test-sources}) works against the server.
 */
class OpenApiTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path COMMITTED = Path.of(System.getProperty("mosaic.openapi.committed", "../docs/api/openapi.json"));
    private static final String REFRESH = "mvn -B -DskipTests install && mvn -B -pl itests test -Dtest=OpenApiTest"
            + " -Dmosaic.openapi.write=true";

    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    @Test
    void the_live_document_passes_redocly_lint_without_errors() throws Exception {
        Path live = Files.createTempFile("openapi", ".json");
        try {
            Files.writeString(live, server.admin().get("/api/openapi.json").body());
            Redocly.Report report = Redocly.lint(live);
            System.out.printf("redocly %s: %d errors, %d warnings%n", report.version(), report.errors(), report.warnings());

            assertThat(report.errors()).as("errors of redocly lint; its problems:%n%s", report.problems().toPrettyString())
                    .isZero();
        } finally {
            Files.delete(live);
        }
    }

    @Test
    void the_committed_document_is_the_live_one() throws Exception {
        JsonNode live = server.admin().get("/api/openapi.json").json();
        if (Boolean.getBoolean("mosaic.openapi.write")) {
            Files.writeString(COMMITTED, JSON.writeValueAsString(live) + "\n");
        }
        JsonNode committed = JSON.readTree(COMMITTED.toFile());

        assertThat(committed).as("%s differs from the live /api/openapi.json; after changing routes refresh it with%n  %s%n"
                + "and commit it (the generated client of the itests is built from it)", COMMITTED, REFRESH).isEqualTo(live);
    }

    @Test
    void the_generated_client_creates_reads_lists_changes_and_deletes_an_account() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(server.baseUrl());
        String password = Files.readString(server.home().resolve("data/initial-admin-password")).trim();
        String basic = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        CustomersApi customers = new CustomersApi(client);

        AccountCreate create = new AccountCreate().name("Generated Client GmbH")
                .website(URI.create("https://generated.example")).country("DE");
        String key = java.util.UUID.randomUUID().toString();
        Account created = customers.postCustomersAccounts(create, key);
        String id = String.valueOf(created.getId());
        assertThat(created.getVersion()).isEqualTo(1);
        assertThat(customers.postCustomersAccounts(create, key).getId()).as("a retry with its key").isEqualTo(created.getId());

        Account read = customers.getCustomersAccountsId(id);
        assertThat(read.getName()).isEqualTo("Generated Client GmbH");
        assertThat(read.getCountry()).isEqualTo("DE");

        JsonNode listed = list(client, "/api/customers/accounts?name=Generated%20Client%20GmbH&limit=10");
        assertThat(listed.path("items").findValuesAsText("id")).containsExactly(id);

        Account changed = customers.patchCustomersAccountsId(id, "\"" + read.getVersion() + "\"",
                new AccountPatch().website(URI.create("https://changed.example")));
        assertThat(changed.getWebsite()).isEqualTo(URI.create("https://changed.example"));
        assertThat(changed.getVersion()).isEqualTo(read.getVersion() + 1);
        ApiException stale = assertThrows(ApiException.class, () -> customers.patchCustomersAccountsId(id,
                "\"" + read.getVersion() + "\"", new AccountPatch().country("FR")));
        assertThat(stale.getCode()).isEqualTo(412);

        customers.deleteCustomersAccountsId(id, null);     // no cascade
        ApiException gone = assertThrows(ApiException.class, () -> customers.getCustomersAccountsId(id));
        assertThat(gone.getCode()).isEqualTo(404);
    }

    /** A list through the client's HTTP client and authentication, without the positional filters of its method. */
    private static JsonNode list(ApiClient client, String pathAndQuery) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.getBaseUri() + pathAndQuery))
                .header("Accept", "application/json");
        client.getRequestInterceptor().accept(request);
        HttpResponse<String> response = client.getHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return client.getObjectMapper().readTree(response.body());
    }
}
