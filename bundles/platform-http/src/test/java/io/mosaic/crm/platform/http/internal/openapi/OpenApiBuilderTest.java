package io.mosaic.crm.platform.http.internal.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.json.StrictJson;
import io.mosaic.crm.platform.http.internal.route.EndpointGate;
import io.mosaic.crm.platform.http.internal.route.RouteCollector;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import io.mosaic.crm.platform.http.internal.route.RouteTable;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.query.Page;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The document the builder makes of declared routes, without a server. */
class OpenApiBuilderTest {
    private static final ObjectMapper JSON = StrictJson.newMapper();
    private static final Permission READ = Permission.of("shop.orders", Action.READ);
    private static final Permission EDIT = Permission.of("shop.orders", Action.EDIT);

    /** A record-kit style schema: required, nullable by type array, maxLength, enum, formats. */
    private static final Map<String, Object> ORDER = Map.of("type", "object",
            "required", List.of("id", "version", "status"),
            "properties", Map.of(
                    "id", Map.of("type", "integer", "format", "int64"),
                    "version", Map.of("type", "integer", "format", "int32"),
                    "status", Map.of("type", "string", "enum", List.of("open", "paid")),
                    "email", Map.of("type", List.of("string", "null"), "format", "email", "maxLength", 200),
                    "total", Map.of("type", "string", "format", "decimal")));

    record Line(long id, String sku, Instant shippedAt) {}

    record NewLine(@JsonProperty(required = true) String sku, Integer quantity) {}

    static final class LinePatch {
        @JsonProperty("sku") public void setSku(String sku) {}
    }

    private static JsonNode document(Consumer<Routes> declarations) {
        return new OpenApiBuilder(JSON).build(table(declarations, false));
    }

    private static RouteTable table(Consumer<Routes> declarations, boolean reversed) {
        RouteCollector routes = new RouteCollector(ModuleDescriptor.parse("shop;name=\"Shop\"", "1.0.0"), new EndpointGate());
        declarations.accept(routes);
        List<RouteEntry> entries = new ArrayList<>(routes.entries());
        if (reversed) {
            Collections.reverse(entries);
        }
        return new RouteTable(entries, Set.of("shop"));
    }

    private static Set<String> statuses(JsonNode operation) {
        return StreamSupport.stream(((Iterable<String>) () -> operation.path("responses").fieldNames()).spliterator(), false)
                .collect(Collectors.toSet());
    }

    @Test
    void passes_a_named_schema_through_whole_and_references_it() {
        JsonNode doc = document(r -> r.get("/orders/{id}", READ, q -> null).summary("Get").responseSchema("Order", ORDER));

        assertThat(doc.path("paths").path("/api/shop/orders/{id}").path("get").path("responses").path("200")
                .path("content").path("application/json").path("schema").path("$ref").asText())
                .isEqualTo("#/components/schemas/Order");
        assertThat(doc.path("components").path("schemas").path("Order")).isEqualTo(JSON.valueToTree(ORDER));
    }

    @Test
    void gives_a_different_schema_under_a_name_in_use_the_next_free_name() {
        Map<String, Object> other = Map.of("type", "object", "properties", Map.of("note", Map.of("type", "string")));
        JsonNode doc = document(r -> {
            r.get("/orders/{id}", READ, q -> null).summary("Get").responseSchema("Order", ORDER);
            r.patch("/orders/{id}", EDIT, q -> null).summary("Patch").responseSchema("Order", ORDER)
                    .requestSchema("Order", other);
        });

        assertThat(doc.path("components").path("schemas").path("Order")).isEqualTo(JSON.valueToTree(ORDER));
        assertThat(doc.path("components").path("schemas").path("Order2")).isEqualTo(JSON.valueToTree(other));
    }

    @Test
    void types_the_list_contracts_query_parameters_unless_the_route_typed_them() {
        JsonNode doc = document(r -> r.get("/orders", READ, q -> null).summary("List")
                .queryParameter("limit", "page size").queryParameter("after", null).queryParameter("sort", "")
                .queryParameter("ownerId", "owner").queryParameter("createdAfter", "lower bound")
                .queryParameter("status", "state", Map.of("type", "string", "enum", List.of("open", "paid"))));
        JsonNode parameters = doc.path("paths").path("/api/shop/orders").path("get").path("parameters");

        assertThat(parameters.findValuesAsText("name"))
                .containsExactly("limit", "after", "sort", "ownerId", "createdAfter", "status");
        assertThat(parameters.get(0).path("schema").toString())
                .isEqualTo("{\"type\":\"integer\",\"format\":\"int32\",\"minimum\":1,\"maximum\":500,\"default\":50}");
        assertThat(parameters.get(1).path("schema").path("type").asText()).isEqualTo("string");
        assertThat(parameters.get(2).path("description").asText()).contains("descending");
        assertThat(parameters.get(3).path("schema").path("format").asText()).isEqualTo("int64");
        assertThat(parameters.get(4).path("schema").path("format").asText()).isEqualTo("date-time");
        assertThat(parameters.get(5).path("schema").path("enum").toString()).isEqualTo("[\"open\",\"paid\"]");
    }

    @Test
    void lists_the_errors_each_kind_of_route_can_give() {
        JsonNode doc = document(r -> {
            r.get("/health", Permission.anonymous(), q -> null).summary("Up?");
            r.get("/orders/{id}", READ, q -> null).summary("Get");
            r.post("/orders", EDIT, q -> null).summary("Create").requestBody(NewLine.class).errors(409);
            r.patch("/orders/{id}", EDIT, q -> null).summary("Change").requestBody(LinePatch.class).errors(428);
        });
        JsonNode paths = doc.path("paths");

        assertThat(statuses(paths.path("/api/shop/health").path("get"))).containsExactlyInAnyOrder("200", "429", "503", "default");
        assertThat(statuses(paths.path("/api/shop/orders/{id}").path("get")))
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404", "429", "503", "default");
        assertThat(statuses(paths.path("/api/shop/orders").path("post")))
                .containsExactlyInAnyOrder("201", "400", "401", "403", "409", "413", "415", "422", "429", "503", "default");
        assertThat(statuses(paths.path("/api/shop/orders/{id}").path("patch"))).contains("412", "428", "422", "404");
        assertThat(paths.path("/api/shop/orders/{id}").path("get").path("responses").path("404").path("$ref").asText())
                .isEqualTo("#/components/responses/NotFound");
        assertThat(doc.path("components").path("responses").path("NotFound").path("content").path("application/json")
                .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Error");
        assertThat(doc.path("components").path("responses").path("ServiceUnavailable").path("headers").has("Retry-After"))
                .isTrue();
        assertThat(paths.path("/api/shop/health").path("get").path("security").toString()).isEqualTo("[{}]");
    }

    @Test
    void a_patch_takes_if_match_required_when_the_route_declares_428_and_answers_with_an_etag() {
        JsonNode doc = document(r -> {
            r.get("/orders/{id}", READ, q -> null).summary("Get");
            r.patch("/orders/{id}", EDIT, q -> null).summary("Change").errors(412, 428);
            r.post("/orders", EDIT, q -> null).summary("Create");
        });
        JsonNode patch = doc.path("paths").path("/api/shop/orders/{id}").path("patch");
        JsonNode ifMatch = patch.path("parameters").get(1);

        assertThat(ifMatch.path("name").asText()).isEqualTo("If-Match");
        assertThat(ifMatch.path("in").asText()).isEqualTo("header");
        assertThat(ifMatch.path("required").asBoolean()).isTrue();
        assertThat(patch.path("responses").path("200").path("headers").path("ETag").path("$ref").asText())
                .isEqualTo("#/components/headers/ETag");
        assertThat(doc.path("paths").path("/api/shop/orders/{id}").path("get").path("responses").path("200")
                .path("headers").has("ETag")).isTrue();
        assertThat(doc.path("paths").path("/api/shop/orders").path("post").path("responses").path("201")
                .path("headers").has("Location")).isTrue();
    }

    @Test
    void makes_reference_typed_properties_nullable_and_a_responses_properties_required() {
        JsonNode schemas = document(r -> {
            r.get("/lines/{id}", READ, q -> null).summary("Get").responseBody(Line.class);
            r.post("/lines", EDIT, q -> null).summary("Add").requestBody(NewLine.class);
            r.patch("/lines/{id}", EDIT, q -> null).summary("Change").requestBody(LinePatch.class);
        }).path("components").path("schemas");

        assertThat(schemas.path("Line").path("properties").path("id").path("type").asText()).isEqualTo("integer");
        assertThat(schemas.path("Line").path("properties").path("sku").path("type").toString())
                .isEqualTo("[\"string\",\"null\"]");
        assertThat(schemas.path("Line").path("required").toString()).isEqualTo("[\"id\",\"sku\",\"shippedAt\"]");
        assertThat(schemas.path("NewLine").path("required").toString()).isEqualTo("[\"sku\"]");
        assertThat(schemas.path("LinePatch").has("required")).isFalse();
        assertThat(schemas.path("LinePatch").path("properties").has("sku")).isTrue();
    }

    @Test
    void describes_a_page_by_its_items_and_nullable_cursor() {
        JsonNode page = document(r -> r.get("/lines", READ, q -> null).summary("List").responseBody(Page.class))
                .path("components").path("schemas").path("Page");

        assertThat(page.path("properties").path("next").path("type").toString()).isEqualTo("[\"string\",\"null\"]");
        assertThat(page.path("required").toString()).isEqualTo("[\"items\",\"next\"]");
    }

    @Test
    void names_a_relative_server_one_tag_per_module_and_unique_operation_ids() {
        JsonNode doc = document(r -> {
            r.get("/orders/{id}", READ, q -> null).summary("Get");
            r.get("/orders/id", READ, q -> null).summary("Same words");
        });

        assertThat(doc.path("servers").toString()).contains("\"url\":\"/\"");
        assertThat(doc.path("info").path("description").asText()).contains("If-Match");
        assertThat(doc.path("tags").toString()).isEqualTo("[{\"name\":\"shop\",\"description\":\"Shop: the module's routes under /api/shop\"}]");
        assertThat(doc.path("paths").findValuesAsText("operationId")).containsExactlyInAnyOrder("getShopOrdersId", "getShopOrdersId2");
    }

    @Test
    void is_the_same_document_whatever_the_registration_order() {
        Consumer<Routes> declarations = r -> {
            r.get("/lines/{id}", READ, q -> null).summary("Get").responseBody(Line.class);
            r.get("/orders", READ, q -> null).summary("List").responseSchema("Order", ORDER);
            r.post("/lines", EDIT, q -> null).summary("Add").requestBody(NewLine.class);
        };
        String forward = new OpenApiBuilder(JSON).build(table(declarations, false)).toString();
        String backward = new OpenApiBuilder(JSON).build(table(declarations, true)).toString();

        assertThat(backward).isEqualTo(forward);
    }
}
