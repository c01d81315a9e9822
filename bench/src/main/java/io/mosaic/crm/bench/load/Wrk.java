package io.mosaic.crm.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * wrk with the Lua scripts in {@code src/main/resources/wrk}: one wrk thread (on a 2-core machine the server needs
 * the other core more), keep-alive connections, a 10 s request timeout, a JSON summary printed by the script.
 */
public final class Wrk implements LoadGenerator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path executable;
    private final Path scripts;

    Wrk(Path executable, Path workDir) throws IOException {
        this.executable = executable;
        this.scripts = Files.createDirectories(workDir.resolve("wrk"));
        for (String script : List.of("paths.lua", "create-contact.lua")) {
            try (InputStream in = Wrk.class.getResourceAsStream("/wrk/" + script)) {
                Files.copy(in, scripts.resolve(script), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    @Override
    public String name() {
        return "wrk";
    }

    @Override
    public Measurement run(LoadSpec spec) throws Exception {
        List<String> command = new ArrayList<>(List.of(executable.toString(), "-t1", "-c" + spec.connections(),
                "-d" + spec.duration().toSeconds() + "s", "--timeout", "10s"));
        if (spec.authorization() != null) {
            command.addAll(List.of("-H", "Authorization: " + spec.authorization()));
        }
        String script = spec.kind() == LoadSpec.Kind.PATHS ? "paths.lua" : "create-contact.lua";
        command.addAll(List.of("-s", scripts.resolve(script).toString(), "http://127.0.0.1:" + spec.port(), "--",
                spec.dataFile().toAbsolutePath().toString(),
                spec.kind() == LoadSpec.Kind.PATHS ? Integer.toString(Math.abs(spec.label().hashCode() % 100_000)) : spec.label()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = p.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(spec.duration().toSeconds() + 30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish");
        }
        return parse(output);
    }

    static Measurement parse(String output) throws IOException {
        String line = output.lines().filter(l -> l.startsWith("BENCH-JSON ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no summary:\n" + output));
        JsonNode j = JSON.readTree(line.substring("BENCH-JSON ".length()));
        return new Measurement(j.path("requests").asLong(), j.path("durationUs").asLong() / 1e6,
                j.path("errors").asLong() + j.path("non2xx").asLong(), j.path("p50Us").asLong() / 1e3,
                j.path("p95Us").asLong() / 1e3, j.path("p99Us").asLong() / 1e3, j.path("maxUs").asLong() / 1e3);
    }
}
