package io.mosaic.crm.platform.http.internal.pipeline;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestAuthenticator;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiPipelineTest {
    private TestServer server;

    @BeforeAll
    void start() throws Exception {
        server = new TestServer();
        server.serve("demo", new DemoEndpoint());
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    @Test
    void serves_a_route_with_path_params_as_json_with_safe_headers() throws Exception {
        HttpResponse<String> response = server.get("/api/demo/items/17", "reader");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("id").asLong()).isEqualTo(17);
        assertThat(json(response).path("createdAt").asText()).isEqualTo("2024-05-01T10:15:30Z");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void passes_every_path_param_and_query_param() throws Exception {
        var params = json(server.get("/api/demo/items/5/notes/abc", "reader"));

        assertThat(params.path("item").asText()).isEqualTo("5");
        assertThat(params.path("note").asText()).isEqualTo("abc");
        assertThat(json(server.get("/api/demo/items/search?q=red%20box", "reader")).path("q").asText()).isEqualTo("red box");
    }

    @Test
    void answers_401_with_a_basic_challenge_without_or_with_wrong_credentials() throws Exception {
        HttpResponse<String> anonymous = server.get("/api/demo/items/1", null);
        HttpResponse<String> wrong = server.send(server.request("/api/demo/items/1", null)
                .header("Authorization", TestAuthenticator.basic("admin", "guess")).build());

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).path("error").asText()).isEqualTo("unauthorized");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Mosaic\"");
        assertThat(wrong.statusCode()).isEqualTo(401);
    }

    @Test
    void tells_anonymous_callers_nothing_about_routes() throws Exception {
        assertThat(server.get("/api/demo/no-such-thing", null).statusCode()).isEqualTo(401);
        assertThat(server.sendJson("PUT", "/api/demo/items/1", null, "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void answers_403_when_the_principal_lacks_the_route_permission() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/demo/items/1", "reader").DELETE().build());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).path("error").asText()).isEqualTo("forbidden");
    }

    @Test
    void lets_any_signed_in_caller_use_an_authenticated_only_route() throws Exception {
        assertThat(json(server.get("/api/demo/me", "reader")).path("name").asText()).isEqualTo("reader");
    }

    @Test
    void answers_404_for_unknown_paths_and_405_with_allow_for_wrong_methods() throws Exception {
        HttpResponse<String> unknown = server.get("/api/demo/nothing", "admin");
        HttpResponse<String> outside = server.get("/index.html", "admin");
        HttpResponse<String> outsideAnonymous = server.get("/index.html", null);
        HttpResponse<String> wrongMethod = server.sendJson("PUT", "/api/demo/items/1", "admin", "{}");

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("not_found");
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(outsideAnonymous.statusCode()).isEqualTo(401);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("DELETE, GET, HEAD");
    }

    @Test
    void serves_public_routes_without_credentials_and_nothing_else() throws Exception {
        HttpResponse<String> page = server.get("/api/demo/public/css/site.css", null);
        HttpResponse<String> guarded = server.get("/api/demo/items/1", null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/css");
        assertThat(page.body()).isEqualTo("file css/site.css");
        assertThat(guarded.statusCode()).isEqualTo(401);
    }

    @Test
    void tail_parameters_take_the_rest_of_the_path_and_a_trailing_slash_but_no_empty_segment() throws Exception {
        assertThat(server.get("/api/demo/public/a", "reader").body()).isEqualTo("file a");
        assertThat(server.get("/api/demo/public/a/b/c.js", "reader").body()).isEqualTo("file a/b/c.js");
        assertThat(server.get("/api/demo/public/a//b", "reader").statusCode()).isBetween(400, 404);
        assertThat(server.get("/api/demo/public/", "reader").body()).isEqualTo("file "); // the directory itself
    }

    @Test
    void rejects_ids_that_do_not_parse_exactly_with_400() throws Exception {
        for (String id : new String[] {"17abc", "017", "0", "-1", "99999999999999999999", "1e3"}) {
            HttpResponse<String> response = server.get("/api/demo/items/" + id, "reader");
            assertThat(response.statusCode()).as(id).isEqualTo(400);
            assertThat(json(response).path("error").asText()).isEqualTo("invalid_id");
        }
    }

    @Test
    void creates_with_201_and_location_and_deletes_with_204() throws Exception {
        HttpResponse<String> created = server.sendJson("POST", "/api/demo/items", "admin",
                "{\"name\":\"Anvil\",\"quantity\":2,\"active\":true}");
        HttpResponse<String> deleted = server.send(server.request("/api/demo/items/7", "admin").DELETE().build());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/demo/items/7");
        assertThat(json(created).path("name").asText()).isEqualTo("Anvil");
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(deleted.body()).isEmpty();
    }

    @Test
    void answers_415_for_a_body_that_is_not_json() throws Exception {
        HttpResponse<String> response = server.send(server.request("/api/demo/items", "admin")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
        HttpResponse<String> latin1 = server.send(server.request("/api/demo/items", "admin")
                .header("Content-Type", "application/json; charset=iso-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).path("error").asText()).isEqualTo("unsupported_media_type");
        assertThat(latin1.statusCode()).isEqualTo(415);
    }

    @Test
    void answers_413_for_a_declared_length_over_the_limit() throws Exception {
        HttpResponse<String> response = server.sendJson("POST", "/api/demo/items", "admin",
                "{\"name\":\"" + "x".repeat(2_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void answers_413_for_a_streamed_body_over_the_limit() throws Exception {
        byte[] big = ("{\"name\":\"" + "x".repeat(2_000) + "\"}").getBytes();
        HttpResponse<String> response = server.send(server.request("/api/demo/items", "admin")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build());

        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void answers_400_for_malformed_json_and_422_for_json_that_does_not_fit() throws Exception {
        HttpResponse<String> malformed = server.sendJson("POST", "/api/demo/items", "admin", "{\"name\":");
        HttpResponse<String> wrongType = server.sendJson("POST", "/api/demo/items", "admin",
                "{\"name\":\"a\",\"quantity\":\"2\",\"active\":true}");
        HttpResponse<String> duplicate = server.sendJson("POST", "/api/demo/tree", "admin", "{\"a\":{\"b\":1,\"b\":2}}");
        HttpResponse<String> deep = server.sendJson("POST", "/api/demo/tree", "admin", "[".repeat(100) + "]".repeat(100));

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(json(malformed).path("error").asText()).isEqualTo("malformed_json");
        assertThat(wrongType.statusCode()).isEqualTo(422);
        assertThat(json(wrongType).path("details").toString()).isEqualTo("[{\"field\":\"quantity\",\"problem\":\"wrong_type\"}]");
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(json(duplicate).path("details").get(0).path("field").asText()).isEqualTo("a.b");
        assertThat(deep.statusCode()).isEqualTo(400);
    }

    @Test
    void maps_domain_exceptions_to_their_status() throws Exception {
        HttpResponse<String> duplicate = server.get("/api/demo/errors/duplicate", "reader");

        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(json(duplicate).path("details").get(0).path("existingId").asLong()).isEqualTo(42);
        assertThat(server.get("/api/demo/errors/conflict", "reader").statusCode()).isEqualTo(409);
        assertThat(server.get("/api/demo/errors/version", "reader").statusCode()).isEqualTo(412);
        assertThat(server.get("/api/demo/errors/precondition", "reader").statusCode()).isEqualTo(428);
        assertThat(server.get("/api/demo/errors/validation", "reader").statusCode()).isEqualTo(422);
        assertThat(server.get("/api/demo/errors/other", "reader").statusCode()).isEqualTo(404);
        HttpResponse<String> unavailable = server.get("/api/demo/errors/unavailable", "reader");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
    }

    @Test
    void answers_an_unexpected_exception_with_a_generic_500() throws Exception {
        HttpResponse<String> response = server.get("/api/demo/boom", "reader");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(json(response).path("error").asText()).isEqualTo("internal_error");
        assertThat(response.body()).doesNotContain("secret internals");
        assertThat(json(response).path("details").isArray()).isTrue();
    }

    @Test
    void answers_503_while_no_authenticator_is_registered() throws Exception {
        server.authenticator.set(null);
        HttpResponse<String> response;
        try {
            response = server.get("/api/demo/items/1", "admin");
        } finally {
            server.authenticator.set(new TestAuthenticator());
        }

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json(response).path("error").asText()).isEqualTo("security_unavailable");
    }
}
