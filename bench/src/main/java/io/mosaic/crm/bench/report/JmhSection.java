package io.mosaic.crm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** The micro-benchmark table of docs/benchmarks.md, from the newest JMH result in bench/results/jmh/. */
final class JmhSection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JmhSection() {
    }

    static String render(Path resultsDir) throws IOException {
        Optional<Path> newest = newest(resultsDir.resolve("jmh"));
        if (newest.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Micro-benchmarks (JMH)\n\n");
        String name = newest.get().getFileName().toString();
        md.append("`./crm bench jmh` · ").append(name, 0, name.length() - ".json".length())
                .append(" · one fork, 3 × 1 s warm-up, 5 × 1 s measured; average time per operation ± 99.9 % error.\n\n")
                .append("| benchmark | threads | time per op | error |\n|---|---|---|---|\n");
        for (JsonNode b : JSON.readTree(newest.get().toFile())) {
            String bench = b.path("benchmark").asText().replace("io.mosaic.crm.bench.jmh.", "");
            JsonNode metric = b.path("primaryMetric");
            md.append("| ").append(bench).append(" | ").append(b.path("threads").asInt()).append(" | ")
                    .append(Report.fmt(metric.path("score").asDouble(), 1)).append(' ')
                    .append(metric.path("scoreUnit").asText()).append(" | ± ")
                    .append(Report.fmt(metric.path("scoreError").asDouble(), 1)).append(" |\n");
        }
        md.append("""

                What each measures: `RouteLookupBench` — matching a request against a route table shaped like the real
                one (~80 routes); `ErrorMappingBench` — a domain exception mapped and rendered as the JSON error body;
                `MetricsRecordingBench` — recording one request duration into a shared timer from 4 threads, with the
                lock-free reservoir the platform uses against Dropwizard's default locking one.
                """);
        return md.toString();
    }

    private static Optional<Path> newest(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().reduce((a, b) -> b);
        }
    }
}
