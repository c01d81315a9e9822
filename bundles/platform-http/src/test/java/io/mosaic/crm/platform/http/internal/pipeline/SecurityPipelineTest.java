package io.mosaic.crm.platform.http.internal.pipeline;

import static io.mosaic.crm.platform.http.internal.testing.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.platform.http.internal.testing.TestAuthenticator;
import io.mosaic.crm.platform.http.internal.testing.TestServer;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Security behaviour of the pipeline: headers, CSRF for every credential type, field rules, 401 challenges. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityPipelineTest {
    private static final String ITEM = "{\"name\":\"box\",\"quantity\":1,\"active\":true}";
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

    private HttpResponse<String> postAsBrowser(Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = server.request("/api/demo/items", null).header("Cookie", TestAuthenticator.SESSION_COOKIE)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ITEM));
        headers.forEach(b::header);
        return server.send(b.build());
    }

    @Test
    void every_answer_carries_the_security_headers() throws Exception {
        var ok = server.get("/api/demo/items/1", "reader");
        var unauthorized = server.get("/api/demo/items/1", null);
        var jettyError = server.send(server.request("/api/demo/items/1", "reader").header("X-Big", "x".repeat(20_000))
                .build());

        assertThat(jettyError.statusCode()).isEqualTo(431);
        for (var r : java.util.List.of(ok, unauthorized, jettyError)) {
            assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(ResponseWriter.CONTENT_SECURITY_POLICY);
            assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
        assertThat(ResponseWriter.CONTENT_SECURITY_POLICY).contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void rejects_a_session_request_that_changes_state_without_the_csrf_token() throws Exception {
        var missing = postAsBrowser(Map.of());
        var wrong = postAsBrowser(Map.of("X-CSRF-Token", "guess"));

        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(json(missing).path("error").asText()).isEqualTo("csrf_rejected");
        assertThat(wrong.statusCode()).isEqualTo(403);
    }

    @Test
    void rejects_cross_site_session_requests_even_with_the_token() throws Exception {
        var crossSite = postAsBrowser(Map.of("X-CSRF-Token", TestAuthenticator.CSRF_TOKEN, "Sec-Fetch-Site", "cross-site"));
        var foreign = postAsBrowser(Map.of("X-CSRF-Token", TestAuthenticator.CSRF_TOKEN, "Origin", "http://evil.example"));

        assertThat(crossSite.statusCode()).isEqualTo(403);
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(json(foreign).path("error").asText()).isEqualTo("csrf_rejected");
    }

    @Test
    void accepts_a_same_site_session_request_with_the_token_and_reads_without_one() throws Exception {
        String origin = "http://127.0.0.1:" + server.jetty.port();
        var created = postAsBrowser(Map.of("X-CSRF-Token", TestAuthenticator.CSRF_TOKEN, "Sec-Fetch-Site", "same-origin",
                "Origin", origin));
        var read = server.send(server.request("/api/demo/items/1", null).header("Cookie", TestAuthenticator.SESSION_COOKIE)
                .build());

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(read.statusCode()).isEqualTo(200);
    }

    @Test
    void explicit_credentials_need_no_csrf_token() throws Exception {
        assertThat(server.sendJson("POST", "/api/demo/items", "admin", ITEM).statusCode()).isEqualTo(201);
    }

    /** Basic (cached by a browser that once answered a challenge), Bearer and the session cookie alike. */
    @Test
    void refuses_state_changes_from_another_sites_page_whatever_the_credentials() throws Exception {
        Map<String, String> credentials = Map.of(
                "Authorization", TestAuthenticator.basic("admin"),
                "Authorization ", TestAuthenticator.BEARER_TOKEN, // the trailing blank keeps the map keys apart
                "Cookie", TestAuthenticator.SESSION_COOKIE);
        Map<String, String> browserContexts = Map.of(
                "Sec-Fetch-Site", "cross-site",
                "Sec-Fetch-Site ", "same-site",
                "Origin", "http://evil.example",
                "Origin ", "null");
        for (var credential : credentials.entrySet()) {
            for (var context : browserContexts.entrySet()) {
                for (String method : new String[] {"POST", "DELETE"}) {
                    HttpRequest.Builder b = server.request(method.equals("POST") ? "/api/demo/items" : "/api/demo/items/7", null)
                            .header(credential.getKey().trim(), credential.getValue())
                            .header("X-CSRF-Token", TestAuthenticator.CSRF_TOKEN)
                            .header(context.getKey().trim(), context.getValue())
                            .header("Content-Type", "application/json");
                    b = method.equals("POST") ? b.POST(HttpRequest.BodyPublishers.ofString(ITEM)) : b.DELETE();

                    var response = server.send(b.build());

                    String what = method + " with " + credential.getValue() + " and " + context;
                    assertThat(response.statusCode()).as(what).isEqualTo(403);
                    assertThat(json(response).path("error").asText()).as(what).isEqualTo("csrf_rejected");
                }
            }
        }
    }

    @Test
    void refuses_a_cross_site_form_post_without_a_body() throws Exception {
        var forged = server.send(server.request("/api/demo/items/7/archive", "admin")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        var withoutMetadata = server.send(server.request("/api/demo/items/7/archive", "admin")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody())
                .build());
        var crossSiteFetch = server.send(server.request("/api/demo/items/7/archive", "admin")
                .header("Sec-Fetch-Site", "cross-site").POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(json(forged).path("error").asText()).isEqualTo("csrf_rejected");
        assertThat(withoutMetadata.statusCode()).as("an old browser's form: no metadata, but a form media type").isEqualTo(415);
        assertThat(crossSiteFetch.statusCode()).isEqualTo(403);
    }

    @Test
    void programs_and_this_sites_own_pages_still_change_state() throws Exception {
        String origin = "http://127.0.0.1:" + server.jetty.port();
        var program = server.send(server.request("/api/demo/items/7/archive", "admin")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        var token = server.send(server.request("/api/demo/items", null).header("Authorization", TestAuthenticator.BEARER_TOKEN)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(ITEM)).build());
        var ownPage = server.send(server.request("/api/demo/items", "admin").header("Origin", origin)
                .header("Sec-Fetch-Site", "same-origin").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ITEM)).build());
        var crossSiteRead = server.send(server.request("/api/demo/items/1", "admin").header("Sec-Fetch-Site", "cross-site")
                .build());

        assertThat(program.statusCode()).isEqualTo(204);
        assertThat(token.statusCode()).isEqualTo(201);
        assertThat(ownPage.statusCode()).isEqualTo(201);
        assertThat(crossSiteRead.statusCode()).as("reads change nothing").isEqualTo(200);
    }

    @Test
    void browsers_never_get_a_basic_challenge() throws Exception {
        var navigation = server.send(server.request("/api/demo/items/1", null).header("Sec-Fetch-Mode", "navigate")
                .header("Sec-Fetch-Site", "none").header("Sec-Fetch-Dest", "document").build());
        var plainHttpNavigation = server.send(server.request("/api/demo/items/1", null)
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").build());
        var fromAnotherPage = server.send(server.request("/api/demo/items/1", null).header("Origin", "http://evil.example")
                .build());
        var outsideTheApi = server.get("/index.html", null);
        var apiClient = server.send(server.request("/api/demo/items/1", null).header("Accept", "*/*").build());

        for (var browser : java.util.List.of(navigation, plainHttpNavigation, fromAnotherPage, outsideTheApi)) {
            assertThat(browser.statusCode()).isEqualTo(401);
            assertThat(browser.headers().firstValue("WWW-Authenticate")).as(browser.request().headers().toString()).isEmpty();
        }
        assertThat(apiClient.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Mosaic\"");
    }

    @Test
    void removes_hidden_fields_from_answers_and_refuses_sorting_by_them() throws Exception {
        var hidden = json(server.get("/api/demo/items/3", "support"));
        var visible = json(server.get("/api/demo/items/3", "reader"));
        var sorted = server.get("/api/demo/items/search?sort=-name", "support");
        var filtered = server.get("/api/demo/items/search?name=box", "support");

        assertThat(hidden.has("name")).isFalse();
        assertThat(hidden.path("id").asLong()).isEqualTo(3);
        assertThat(visible.path("name").asText()).isEqualTo("item 3");
        assertThat(sorted.statusCode()).isEqualTo(403);
        assertThat(json(sorted).path("error").asText()).isEqualTo("field_forbidden");
        assertThat(filtered.statusCode()).isEqualTo(403);
    }

    @Test
    void refuses_writing_a_hidden_field() throws Exception {
        var write = server.sendJson("POST", "/api/demo/tree", "support", "{\"name\":\"x\"}");
        var other = server.sendJson("POST", "/api/demo/tree", "support", "{\"quantity\":2}");

        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(json(write).path("error").asText()).isEqualTo("field_forbidden");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(server.sendJson("POST", "/api/demo/tree", "admin", "{\"name\":\"x\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void a_page_script_gets_401_without_a_basic_challenge() throws Exception {
        var scripted = server.send(server.request("/api/demo/items/1", null).header("Sec-Fetch-Mode", "cors").build());
        var plain = server.get("/api/demo/items/1", null);

        assertThat(scripted.statusCode()).isEqualTo(401);
        assertThat(scripted.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(plain.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Mosaic\"");
    }
}
