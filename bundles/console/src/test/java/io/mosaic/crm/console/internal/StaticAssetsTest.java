package io.mosaic.crm.console.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.Reply;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticAssetsTest {
    private final StaticAssets assets = new StaticAssets(StaticAssetsTest.class.getClassLoader(), "web/");

    @Test
    void serves_the_page_as_html_with_a_strict_content_security_policy() {
        Reply reply = assets.serve("index.html", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(reply.headers().get("Content-Security-Policy")).contains("script-src 'self'")
                .doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(reply.headers().get("Cache-Control")).isEqualTo("no-cache");
        assertThat(reply.headers().get("ETag")).startsWith("\"").endsWith("\"");
        assertThat(new String((byte[]) reply.body(), StandardCharsets.UTF_8)).contains("<main");
    }

    @Test
    void serves_scripts_and_styles_with_their_media_types() {
        assertThat(assets.serve("js/app.js", null).contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(assets.serve("css/console.css", null).contentType()).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void answers_304_without_body_when_the_etag_matches() {
        String etag = assets.serve("js/app.js", null).headers().get("ETag");
        Reply again = assets.serve("js/app.js", "\"other\", " + etag);
        assertThat(again.status()).isEqualTo(304);
        assertThat((byte[]) again.body()).isEmpty();
        assertThat(assets.serve("js/app.js", "\"other\"").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../META-INF/MANIFEST.MF", "js/../../x.class", ".hidden.js", "js//app.js", "js", "",
            "nosuch.js", "io/mosaic/crm/console/internal/StaticAssets.class"})
    void refuses_anything_but_existing_plain_files_with_404(String path) {
        assertThatThrownBy(() -> assets.serve(path, null)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void pages_have_no_inline_script_or_style() {
        String html = new String((byte[]) assets.serve("index.html", null).body(), StandardCharsets.UTF_8);
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContain("style=").doesNotContain("<style")
                .doesNotContainPattern("\\son[a-z]+=");
    }
}
