package io.mosaic.crm.service.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Articles are Markdown, shown as HTML that cannot carry script. */
class ArticlesMarkdownTest {
    @Test
    void renders_markdown_and_escapes_raw_html_and_unsafe_links() {
        String html = Articles.html("# Reset\n\nPress **Reset**.<script>alert(1)</script>\n\n[x](javascript:alert(1)) [ok](https://example.com)");
        assertThat(html).contains("<h1>Reset</h1>", "<strong>Reset</strong>", "&lt;script&gt;", "href=\"https://example.com\"")
                .doesNotContain("<script>", "javascript:");
    }
}
