package io.mosaic.crm.itests.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console's files over HTTP: public, typed, cacheable by ETag, strict CSP, nothing outside the web root. */
class ConsoleAssetsHttpTest {
    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    @Test
    void serves_the_page_to_strangers_with_a_strict_policy() {
        MosaicResponse page = server.anonymous().get("/console");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).isEqualTo("text/html; charset=utf-8");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.body()).contains("<script type=\"module\" src=\"/console/js/app.js\"></script>");
    }

    @Test
    void serves_scripts_and_styles_with_their_types_and_revalidates_by_etag() {
        MosaicResponse script = server.anonymous().get("/console/js/app.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(script.header("Cache-Control")).isEqualTo("no-cache");
        String etag = script.header("ETag");
        assertThat(etag).isNotBlank();
        var again = server.anonymous().send("GET", "/console/js/app.js", null, Map.of("If-None-Match", etag));
        assertThat(again.status()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(server.anonymous().get("/console/css/console.css").header("Content-Type")).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void serves_nothing_outside_the_web_root() {
        for (String path : new String[] {"/console/nosuch.js", "/console/%2e%2e/META-INF/MANIFEST.MF",
                "/console/js/%2e%2e/%2e%2e/OSGI-INF/io.mosaic.crm.console.internal.ConsoleEndpoint.xml",
                "/console/io/mosaic/crm/console/internal/StaticAssets.class", "/console/.hidden"}) {
            int status = server.anonymous().get(path).status();
            assertThat(status).as(path).isIn(400, 404);
        }
    }

    @Test
    void the_console_data_needs_a_session() {
        assertThat(server.anonymous().get("/api/platform/modules").status()).isEqualTo(401);
        assertThat(server.anonymous().get("/api/security/session").status()).isEqualTo(401);
    }
}
