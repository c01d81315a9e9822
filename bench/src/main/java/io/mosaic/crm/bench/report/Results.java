package io.mosaic.crm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.bench.data.BulkInserter;
import io.mosaic.crm.bench.load.Measurement;
import io.mosaic.crm.bench.scenario.Outcome;
import io.mosaic.crm.bench.scenario.Series;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The raw results of a run as JSON under {@code bench/results/}, and reading them back for the report. */
public final class Results {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Results() {
    }

    /** Everything about one run. */
    public record Run(String date, String profile, String command, Map<String, String> machine, long seed,
                      List<BulkInserter.Loaded> generation, List<Outcome> outcomes) {
    }

    public static Path write(Path dir, String fileName, Run run) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(fileName);
        JSON.writeValue(file.toFile(), toJson(run));
        return file;
    }

    static ObjectNode toJson(Run run) {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", run.date()).put("profile", run.profile()).put("command", run.command());
        ObjectNode machine = root.putObject("machine");
        run.machine().forEach(machine::put);
        ObjectNode data = root.putObject("data");
        data.put("seed", run.seed());
        ArrayNode gen = data.putArray("generation");
        for (BulkInserter.Loaded l : run.generation()) {
            gen.addObject().put("entity", l.entity()).put("table", l.table()).put("rows", l.rows())
                    .put("seconds", l.seconds()).put("rowsPerSecond", Math.round(l.rowsPerSecond()));
        }
        ArrayNode scenarios = root.putArray("scenarios");
        for (Outcome o : run.outcomes()) {
            ObjectNode s = scenarios.addObject();
            s.put("id", o.id()).put("title", o.title()).put("goal", o.goal()).put("verdict", o.verdict());
            if (o.ratio() != null) {
                s.put("ratio", o.ratio());
            }
            s.put("limitedBy", o.limitedBy());
            o.notes().forEach(s.putArray("notes")::add);
            if (o.mosaic() != null) {
                s.set("mosaic", series(o.mosaic()));
            }
            if (o.baseline() != null) {
                s.set("baseline", series(o.baseline()));
            }
            ArrayNode figures = s.putArray("figures");
            for (Outcome.Figure f : o.figures()) {
                ObjectNode fn = figures.addObject().put("name", f.name()).put("unit", f.unit());
                num(fn, "median", f.median());
                num(fn, "min", f.min());
                num(fn, "max", f.max());
            }
        }
        return root;
    }

    private static ObjectNode series(Series s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("label", s.label());
        num(n, "rate", s.rate());
        num(n, "rateMin", s.minRate());
        num(n, "rateMax", s.maxRate());
        num(n, "spreadPercent", s.spreadPercent());
        num(n, "p50Ms", s.p50());
        num(n, "p95Ms", s.p95());
        num(n, "p99Ms", s.p99());
        num(n, "p95MinMs", s.minP95());
        num(n, "p95MaxMs", s.maxP95());
        n.put("failed", s.failed()).put("operations", s.requests());
        ObjectNode cpu = n.putObject("cpuCores");
        s.cpuCores().forEach(cpu::put);
        ArrayNode runs = n.putArray("runs");
        for (Measurement m : s.runs()) {
            ObjectNode r = runs.addObject().put("operations", m.requests()).put("failed", m.failed());
            num(r, "seconds", m.seconds());
            num(r, "perSecond", m.perSecond());
            num(r, "p50Ms", m.p50Ms());
            num(r, "p95Ms", m.p95Ms());
            num(r, "p99Ms", m.p99Ms());
            num(r, "maxMs", m.maxMs());
        }
        return n;
    }

    /** Numbers rounded to 3 decimals; NaN (no such figure) as null. */
    private static void num(ObjectNode node, String key, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            node.putNull(key);
        } else {
            node.put(key, Math.round(value * 1000) / 1000.0);
        }
    }

    /** Every run stored in {@code dir}, oldest first (file names start with the run's timestamp). */
    public static List<JsonNode> readAll(Path dir) throws IOException {
        List<JsonNode> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return runs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                runs.add(JSON.readTree(f.toFile()));
            }
        }
        return runs;
    }
}
