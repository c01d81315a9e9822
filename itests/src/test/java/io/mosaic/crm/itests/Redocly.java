package io.mosaic.crm.itests;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Redocly CLI pinned in {@code itests/openapi/package-lock.json}, installed with {@code npm ci}
 * into {@code itests/target/redocly} the first time (and whenever the pin changes). Without npm the
 * lint is skipped loudly; in CI ({@code CI=true}) it fails instead, since {@code .ci/run} installs npm.
 */
final class Redocly {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TOOLS = Path.of(System.getProperty("mosaic.openapi.tools", "openapi")).toAbsolutePath();
    private static final Path WORK = Path.of(System.getProperty("mosaic.openapi.work", "target/redocly")).toAbsolutePath();

    /** What {@code redocly lint --format=json} reported. */
    record Report(int errors, int warnings, String version, JsonNode problems) {}

    private Redocly() {}

    static Report lint(Path document) throws Exception {
        Path cli = installed();
        ProcessBuilder builder = new ProcessBuilder("node", cli.toString(), "lint", "--format=json",
                "--config", TOOLS.resolve("redocly.yaml").toString(), document.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("REDOCLY_TELEMETRY", "off");
        builder.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process lint = builder.start();
        byte[] out = lint.getInputStream().readAllBytes();
        if (!lint.waitFor(2, TimeUnit.MINUTES)) {
            lint.destroyForcibly();
            fail("redocly lint did not finish within 2 minutes");
        }
        JsonNode report = JSON.readTree(out);
        return new Report(report.path("totals").path("errors").asInt(-1), report.path("totals").path("warnings").asInt(),
                report.path("version").asText(), report.path("problems"));
    }

    private static Path installed() throws Exception {
        if (!onPath("npm") || !onPath("node")) {
            String why = "node and npm are needed to lint the OpenAPI document with the pinned @redocly/cli";
            if ("true".equals(System.getenv("CI"))) {
                fail(why + "; in CI .ci/run installs them");
            }
            System.err.println("WARNING: SKIPPING the OpenAPI lint: " + why + " (apt-get install nodejs npm)");
            Assumptions.abort(why);
        }
        JsonNode lock = JSON.readTree(TOOLS.resolve("package-lock.json").toFile());
        String pinned = lock.path("packages").path("node_modules/@redocly/cli").path("version").asText();
        Path cliPackage = WORK.resolve("node_modules/@redocly/cli/package.json");
        if (!Files.exists(cliPackage) || !pinned.equals(JSON.readTree(cliPackage.toFile()).path("version").asText())) {
            Files.createDirectories(WORK);
            for (String file : List.of("package.json", "package-lock.json")) {
                Files.copy(TOOLS.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
            }
            run(List.of("npm", "ci", "--no-audit", "--no-fund"), WORK);
        }
        return WORK.resolve("node_modules/@redocly/cli/bin/cli.js");
    }

    private static void run(List<String> command, Path dir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("npm_config_update_notifier", "false");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " failed in " + dir + ":\n" + output);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
