package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Console sessions over real HTTP: cookie flags, fixation, CSRF, logout, password change, headers. */
class SecuritySessionTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    private final MosaicClient admin = server.admin();

    private SecurityBrowser browser() {
        return new SecurityBrowser(server.baseUrl());
    }

    private String createUser(String name, String password, String... roles) {
        String list = String.join("\",\"", roles);
        var r = admin.post("/api/security/users", "{\"username\":\"" + name + "\",\"password\":\"" + password
                + "\",\"email\":\"" + name + "@example.com\",\"roles\":[" + (roles.length == 0 ? "" : "\"" + list + "\"")
                + "]}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    @Test
    void sign_in_sets_an_http_only_same_site_cookie_and_returns_user_permissions_and_csrf_token() {
        var browser = browser();
        var r = browser.login("admin", adminPassword());

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Set-Cookie")).startsWith("mosaic_session=").contains("; Path=/", "; HttpOnly",
                "; SameSite=Strict").doesNotContain("Secure");
        assertThat(r.json().path("user").path("username").asText()).isEqualTo("admin");
        assertThat(r.json().path("user").path("roles").toString()).contains("admin");
        assertThat(r.json().path("user").path("permissions").toString()).contains("platform.config:edit",
                "security.users:admin");
        assertThat(r.json().path("csrfToken").asText()).hasSizeGreaterThan(30);

        var again = browser.call("GET", "/api/security/session", null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("csrfToken").asText()).isEqualTo(browser.csrfToken);
    }

    @Test
    void wrong_credentials_answer_401_json_without_a_basic_challenge() {
        var r = browser().login("admin", "not the password");

        assertThat(r.status()).isEqualTo(401);
        assertThat(r.error()).isEqualTo("unauthorized");
        assertThat(r.header("Set-Cookie")).isNull();
        assertThat(r.header("WWW-Authenticate")).isNull();
        assertThat(browser().send("GET", "/api/security/session", null, Map.of()).status()).isEqualTo(401);
    }

    @Test
    void the_session_id_changes_at_sign_in_and_the_old_one_stops_working() {
        var browser = browser();
        browser.login("admin", adminPassword());
        String before = browser.cookie;

        browser.login("admin", adminPassword());

        assertThat(browser.cookie).isNotEqualTo(before);
        assertThat(browser.send("GET", "/api/security/session", null, Map.of("Cookie", before)).status()).isEqualTo(401);
        assertThat(browser.call("GET", "/api/security/session", null).status()).isEqualTo(200);
        var planted = browser.send("GET", "/api/security/session", null,
                Map.of("Cookie", "mosaic_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        assertThat(planted.status()).isEqualTo(401);
    }

    @Test
    void state_changing_session_requests_need_the_csrf_token_and_a_same_site_origin() {
        var browser = browser();
        browser.login("admin", adminPassword());
        String account = "{\"name\":\"Csrf Corp\"}";

        var missing = browser.send("POST", "/api/customers/accounts", account, Map.of());
        var wrong = browser.send("POST", "/api/customers/accounts", account, Map.of("X-CSRF-Token", "forged"));
        var crossSite = browser.send("POST", "/api/customers/accounts", account,
                Map.of("X-CSRF-Token", browser.csrfToken, "Sec-Fetch-Site", "cross-site"));
        var foreignOrigin = browser.send("POST", "/api/customers/accounts", account,
                Map.of("X-CSRF-Token", browser.csrfToken, "Origin", "https://evil.example"));
        var logoutWithout = browser.send("DELETE", "/api/security/session", null, Map.of());

        for (var r : new MosaicResponse[] {missing, wrong, crossSite, foreignOrigin, logoutWithout}) {
            assertThat(r.status()).as(r.body()).isEqualTo(403);
            assertThat(r.error()).isEqualTo("csrf_rejected");
        }
        var good = browser.send("POST", "/api/customers/accounts", account,
                Map.of("X-CSRF-Token", browser.csrfToken, "Sec-Fetch-Site", "same-origin",
                        "Origin", server.baseUrl()));
        assertThat(good.status()).as(good.body()).isEqualTo(201);
        assertThat(browser.call("GET", "/api/customers/accounts?limit=1", null).status()).isEqualTo(200);
    }

    @Test
    void requests_with_explicit_credentials_need_no_csrf_token() {
        var r = admin.post("/api/customers/accounts", "{\"name\":\"Basic Corp\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }

    @Test
    void sign_in_from_another_site_is_refused() {
        var r = browser().send("POST", "/api/security/session",
                "{\"username\":\"admin\",\"password\":\"" + adminPassword() + "\"}", Map.of("Sec-Fetch-Site", "cross-site"));

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.error()).isEqualTo("csrf_rejected");
    }

    @Test
    void sign_out_ends_the_session_and_clears_the_cookie() {
        var browser = browser();
        browser.login("admin", adminPassword());

        var out = browser.call("DELETE", "/api/security/session", null);

        assertThat(out.status()).isEqualTo(204);
        assertThat(out.header("Set-Cookie")).startsWith("mosaic_session=;").contains("Max-Age=0");
        assertThat(browser.call("GET", "/api/security/session", null).status()).isEqualTo(401);
    }

    @Test
    void changing_the_password_needs_the_current_one_and_ends_the_other_sessions() {
        createUser("pat", "pat's first passphrase", "sales");
        var here = browser();
        var elsewhere = browser();
        here.login("pat", "pat's first passphrase");
        elsewhere.login("pat", "pat's first passphrase");

        var wrong = here.call("PUT", "/api/security/session/password",
                "{\"currentPassword\":\"guess\",\"newPassword\":\"pat's second passphrase\"}");
        var tooShort = here.call("PUT", "/api/security/session/password",
                "{\"currentPassword\":\"pat's first passphrase\",\"newPassword\":\"short\"}");
        var changed = here.call("PUT", "/api/security/session/password",
                "{\"currentPassword\":\"pat's first passphrase\",\"newPassword\":\"pat's second passphrase\"}");

        assertThat(wrong.status()).isEqualTo(422);
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(here.call("GET", "/api/security/session", null).status()).isEqualTo(200);
        assertThat(elsewhere.call("GET", "/api/security/session", null).status()).isEqualTo(401);
        assertThat(browser().login("pat", "pat's first passphrase").status()).isEqualTo(401);
        assertThat(browser().login("pat", "pat's second passphrase").status()).isEqualTo(200);
    }

    @Test
    void every_answer_carries_the_security_headers_even_jetty_errors() {
        var ok = admin.get("/api/customers/accounts?limit=1");
        var unauthorized = server.anonymous().get("/api/customers/accounts");
        var badRequest = admin.sendRaw("GET", "/api/customers/accounts", null, Map.of("X-Big", "x".repeat(20_000)));

        for (var r : new MosaicResponse[] {ok, unauthorized, badRequest}) {
            assertThat(r.header("Content-Security-Policy")).as(r.toString()).isEqualTo("default-src 'self'; "
                    + "script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                    + "base-uri 'none'; form-action 'self'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        }
        assertThat(badRequest.status()).isEqualTo(431);
    }

    private static String adminPassword() {
        try {
            return java.nio.file.Files.readString(server.home().resolve("data/initial-admin-password")).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
