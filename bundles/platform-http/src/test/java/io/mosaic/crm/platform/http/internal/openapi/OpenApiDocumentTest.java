package io.mosaic.crm.platform.http.internal.openapi;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    private TestServer server;
    private JsonNode doc;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        server.serve("demo", new DemoEndpoint());
        HttpResponse<String> response = server.get("/api/openapi.json", "reader");
        assertThat(response.statusCode()).isEqualTo(200);
        doc = json(response);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void requires_a_signed_in_caller() throws Exception {
        assertThat(server.get("/api/openapi.json", null).statusCode()).isEqualTo(401);
    }

    @Test
    void is_an_openapi_3_1_document_with_both_security_schemes() {
        assertThat(doc.path("openapi").asText()).isEqualTo("3.1.0");
        assertThat(doc.path("components").path("securitySchemes").path("basicAuth").path("scheme").asText()).isEqualTo("basic");
        assertThat(doc.path("components").path("securitySchemes").path("bearerAuth").path("scheme").asText()).isEqualTo("bearer");
        assertThat(doc.path("security")).hasSize(2);
    }

    @Test
    void describes_each_route_with_its_path_parameters_and_permission() {
        JsonNode get = doc.path("paths").path("/api/demo/items/{id}").path("get");
        JsonNode delete = doc.path("paths").path("/api/demo/items/{id}").path("delete");

        assertThat(get.path("summary").asText()).isEqualTo("Reads one item");
        assertThat(get.path("x-permission").asText()).isEqualTo("demo.items:read");
        assertThat(get.path("parameters").get(0).path("name").asText()).isEqualTo("id");
        assertThat(get.path("parameters").get(0).path("in").asText()).isEqualTo("path");
        assertThat(get.path("parameters").get(0).path("required").asBoolean()).isTrue();
        assertThat(get.path("responses").path("200").path("content").path("application/json").path("schema")
                .path("$ref").asText()).isEqualTo("#/components/schemas/Item");
        assertThat(delete.path("x-permission").asText()).isEqualTo("demo.items:delete");
        assertThat(delete.path("responses").has("204")).isTrue();
    }

    @Test
    void lists_query_parameters_and_request_bodies() {
        JsonNode search = doc.path("paths").path("/api/demo/items/search").path("get");
        JsonNode create = doc.path("paths").path("/api/demo/items").path("post");

        assertThat(search.path("parameters").get(0).path("in").asText()).isEqualTo("query");
        assertThat(search.path("parameters").get(0).path("name").asText()).isEqualTo("q");
        assertThat(create.path("requestBody").path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/NewItem");
        assertThat(create.path("responses").has("201")).isTrue();
    }

    @Test
    void derives_schemas_of_body_types_and_the_error_schema() {
        JsonNode schemas = doc.path("components").path("schemas");
        JsonNode newItem = schemas.path("NewItem").path("properties");

        assertThat(newItem.path("quantity").path("type").asText()).isEqualTo("integer");
        assertThat(newItem.path("active").path("type").asText()).isEqualTo("boolean");
        assertThat(newItem.path("since").path("format").asText()).isEqualTo("date");
        assertThat(newItem.path("tags").path("items").path("type").asText()).isEqualTo("string");
        assertThat(newItem.path("address").path("oneOf").get(0).path("$ref").asText()).isEqualTo("#/components/schemas/Address");
        assertThat(schemas.path("Address").path("properties").has("city")).isTrue();
        assertThat(schemas.path("Item").path("properties").path("createdAt").path("format").asText()).isEqualTo("date-time");
        assertThat(schemas.path("Error").path("required").toString()).isEqualTo("[\"error\",\"message\",\"details\"]");
        assertThat(doc.path("paths").path("/api/demo/me").path("get").path("responses").path("default").path("$ref").asText())
                .isEqualTo("#/components/responses/Error");
    }

    @Test
    void has_unique_operation_ids() {
        List<String> ids = new ArrayList<>();
        doc.path("paths").forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText())));

        assertThat(ids).doesNotHaveDuplicates().contains("getDemoItemsId", "postDemoItems");
    }

    @Test
    void follows_changes_of_the_route_table() throws Exception {
        long key = server.serve("extra", routes -> routes.get("/ping", io.mosaic.crm.sdk.security.Permission.authenticated(), r -> "pong"));
        try {
            assertThat(json(server.get("/api/openapi.json", "reader")).path("paths").has("/api/extra/ping")).isTrue();
        } finally {
            server.registry.remove(key);
        }
        assertThat(json(server.get("/api/openapi.json", "reader")).path("paths").has("/api/extra/ping")).isFalse();
    }
}
