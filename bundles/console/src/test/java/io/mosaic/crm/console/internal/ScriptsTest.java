package io.mosaic.crm.console.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The console's scripts keep to what the strict CSP allows and never parse API text as HTML; every
 * module they import is there. (The browser tests in itests run them; this catches it at build time.)
 */
class ScriptsTest {
    private static final Path WEB = Path.of("src/main/resources/web");
    private static final Pattern IMPORT = Pattern.compile("(?:from|import\\()\\s*'(\\.{1,2}/[^']+)'");

    @Test
    void no_script_uses_eval_inline_styles_or_html_parsing() throws IOException {
        for (Path script : scripts()) {
            String code = Files.readString(script);
            assertThat(code).as(script.toString())
                    .doesNotContainPattern("\\beval\\s*\\(").doesNotContain("new Function")
                    .doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                    .doesNotContain("document.write").doesNotContainPattern("'style'\\s*[:,]").doesNotContain(".style.");
        }
    }

    @Test
    void every_imported_module_exists() throws IOException {
        for (Path script : scripts()) {
            Matcher imports = IMPORT.matcher(withoutComments(Files.readString(script)));
            while (imports.find()) {
                Path target = script.getParent().resolve(imports.group(1)).normalize();
                assertThat(target).as(script + " imports " + imports.group(1)).isRegularFile();
            }
        }
    }

    private static String withoutComments(String code) {
        return code.lines().filter(line -> !line.strip().startsWith("//") && !line.strip().startsWith("*"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> files = Files.walk(WEB.resolve("js"))) {
            List<Path> scripts = files.filter(p -> p.toString().endsWith(".js")).sorted().toList();
            assertThat(scripts).isNotEmpty();
            return scripts;
        }
    }
}
