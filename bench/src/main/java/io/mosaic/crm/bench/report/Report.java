package io.mosaic.crm.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code docs/benchmarks.md} from the stored runs: for every scenario its latest measurement (each table
 * says which run it comes from), then the facts of the machines those runs were made on.
 */
public final class Report {
    private static final List<String> ORDER = List.of("cached-get", "uncached-get", "monitoring-overhead", "contact-search", "list-keyset",
            "create-contact", "boot", "bulk-load");

    private Report() {
    }

    public static void write(Path file, List<JsonNode> runs) throws IOException {
        Map<String, JsonNode> latest = new LinkedHashMap<>();
        Map<String, JsonNode> runOf = new LinkedHashMap<>();
        for (JsonNode run : runs) {                                  // oldest first: later runs replace earlier ones
            for (JsonNode s : run.path("scenarios")) {
                latest.put(s.path("id").asText(), s);
                runOf.put(s.path("id").asText(), run);
            }
        }
        List<String> ids = new ArrayList<>(ORDER.stream().filter(latest::containsKey).toList());
        latest.keySet().stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        StringBuilder md = new StringBuilder();
        md.append(Text.INTRO);
        md.append("\n## Summary\n\n| scenario | goal | Mosaic | baseline | ratio | verdict | run |\n|---|---|---|---|---|---|---|\n");
        for (String id : ids) {
            JsonNode s = latest.get(id);
            md.append("| ").append(s.path("title").asText()).append(" | ").append(s.path("goal").asText()).append(" | ")
                    .append(headline(s.path("mosaic"), s, true)).append(" | ").append(headline(s.path("baseline"), s, false))
                    .append(" | ").append(s.has("ratio") ? fmt(s.path("ratio").asDouble(), 2) + "×" : "—")
                    .append(" | **").append(s.path("verdict").asText()).append("** | ")
                    .append(runLabel(runOf.get(id))).append(" |\n");
        }
        cacheEffect(md, latest, runOf);
        md.append(Text.LIMITS);
        for (String id : ids) {
            scenario(md, latest.get(id), runOf.get(id));
        }
        md.append(JmhSection.render(file.getParent().getParent().resolve("bench/results")));
        machines(md, runOf);
        md.append(Text.COVERAGE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, md.toString());
    }

    /** Cached against uncached GET on Mosaic's side, when both come from the same run. */
    private static void cacheEffect(StringBuilder md, Map<String, JsonNode> latest, Map<String, JsonNode> runOf) {
        JsonNode cached = latest.get("cached-get");
        JsonNode uncached = latest.get("uncached-get");
        if (cached == null || uncached == null || runOf.get("cached-get") != runOf.get("uncached-get")
                || cached.path("mosaic").isMissingNode() || uncached.path("mosaic").isMissingNode()) {
            return;
        }
        double c = cached.path("mosaic").path("rate").asDouble();
        double u = uncached.path("mosaic").path("rate").asDouble();
        md.append("\nCache effect on Mosaic in the same run: cached GET ").append(fmt(c, 0)).append(" req/s, uncached ")
                .append(fmt(u, 0)).append(" req/s: **").append(fmt(c / u, 2)).append("×** (hit ratios in the notes below).\n");
    }

    private static void scenario(StringBuilder md, JsonNode s, JsonNode run) {
        md.append("\n## ").append(s.path("title").asText()).append("\n\n");
        md.append("`").append(s.path("id").asText()).append("` · goal ").append(s.path("goal").asText())
                .append(" · **").append(s.path("verdict").asText()).append("** · ").append(runLabel(run))
                .append(" · `").append(run.path("command").asText()).append("`\n\n");
        JsonNode m = s.path("mosaic");
        JsonNode b = s.path("baseline");
        if (!m.isMissingNode()) {
            String unit = s.path("id").asText().equals("bulk-load") ? "rows/s" : "req/s";
            md.append("| | ").append(m.path("label").asText()).append(b.isMissingNode() ? "" : " | " + b.path("label").asText())
                    .append(" |\n|---|---").append(b.isMissingNode() ? "" : "|---").append("|\n");
            row(md, unit + " (median, min–max)", rate(m), b.isMissingNode() ? null : rate(b));
            if (!m.path("p95Ms").isNull()) {
                row(md, "p50 / p95 / p99 ms (medians)", lat(m), b.isMissingNode() || b.path("p95Ms").isNull() ? (b.isMissingNode() ? null : "—") : lat(b));
                row(md, "p95 range over runs, ms", fmt(m.path("p95MinMs").asDouble(), 2) + "–" + fmt(m.path("p95MaxMs").asDouble(), 2),
                        b.isMissingNode() ? null : b.path("p95Ms").isNull() ? "—"
                                : fmt(b.path("p95MinMs").asDouble(), 2) + "–" + fmt(b.path("p95MaxMs").asDouble(), 2));
            }
            row(md, "runs × operations, failed", runs(m), b.isMissingNode() ? null : runs(b));
            row(md, "CPU cores used", cores(m), b.isMissingNode() ? null : cores(b));
            if (s.has("ratio")) {
                boolean paired = false;
                for (JsonNode note : s.path("notes")) {
                    paired |= note.asText().startsWith("ratio = median of the");
                }
                md.append(paired
                                ? "\nRatio " + m.path("label").asText() + " / " + b.path("label").asText()
                                + " (median of the per-repetition ratios): **"
                                : "\nRatio Mosaic / baseline (medians): **")
                        .append(fmt(s.path("ratio").asDouble(), 3)).append("×**\n");
            }
        }
        if (!s.path("figures").isEmpty()) {
            md.append("\n| figure | median | min–max |\n|---|---|---|\n");
            for (JsonNode f : s.path("figures")) {
                String u = " " + f.path("unit").asText();
                md.append("| ").append(f.path("name").asText()).append(" | ").append(fmt(f.path("median").asDouble(), 0)).append(u)
                        .append(" | ").append(fmt(f.path("min").asDouble(), 0)).append("–").append(fmt(f.path("max").asDouble(), 0))
                        .append(u).append(" |\n");
            }
        }
        if (!s.path("limitedBy").asText().isEmpty()) {
            md.append("\nLimited by: ").append(s.path("limitedBy").asText()).append(".\n");
        }
        for (JsonNode note : s.path("notes")) {
            md.append("\n- ").append(note.asText());
        }
        md.append("\n");
    }

    private static void machines(StringBuilder md, Map<String, JsonNode> runOf) {
        md.append("\n## Runs and machines\n");
        Map<String, JsonNode> distinct = new LinkedHashMap<>();
        runOf.values().forEach(r -> distinct.put(r.path("date").asText(), r));
        for (JsonNode run : distinct.values()) {
            md.append("\n**").append(runLabel(run)).append("** — `").append(run.path("command").asText()).append("`\n\n");
            run.path("machine").fields().forEachRemaining(e ->
                    md.append("- ").append(e.getKey()).append(": ").append(e.getValue().asText()).append("\n"));
            md.append("- data: seed ").append(run.path("data").path("seed").asText());
            for (JsonNode g : run.path("data").path("generation")) {
                md.append(String.format(Locale.ROOT, ", %,d %s in %.1f s", g.path("rows").asLong(),
                        g.path("entity").asText(), g.path("seconds").asDouble()));
            }
            md.append("\n");
        }
    }

    private static void row(StringBuilder md, String name, String a, String b) {
        md.append("| ").append(name).append(" | ").append(a).append(b == null ? "" : " | " + b).append(" |\n");
    }

    private static String headline(JsonNode series, JsonNode s, boolean mosaic) {
        if (series.isMissingNode()) {
            boolean measured = !s.path("verdict").asText().equals("ERROR");
            return mosaic && measured && !s.path("figures").isEmpty() ? figures(s.path("figures")) : "—";
        }
        String unit = s.path("id").asText().equals("bulk-load") ? " rows/s" : series.path("p95Ms").isNull() ? " /s" : " req/s";
        String head = fmt(series.path("rate").asDouble(), 0) + unit;
        return series.path("p95Ms").isNull() ? head : head + ", p95 " + fmt(series.path("p95Ms").asDouble(), 2) + " ms";
    }

    private static String figures(JsonNode figures) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(2, figures.size()); i++) {
            JsonNode f = figures.get(i);
            parts.add(fmt(f.path("median").asDouble(), 0) + " " + f.path("unit").asText());
        }
        return String.join(" / ", parts);
    }

    private static String rate(JsonNode s) {
        return fmt(s.path("rate").asDouble(), 0) + " (" + fmt(s.path("rateMin").asDouble(), 0) + "–"
                + fmt(s.path("rateMax").asDouble(), 0) + ", ±" + fmt(s.path("spreadPercent").asDouble(), 1) + " %)";
    }

    private static String lat(JsonNode s) {
        return fmt(s.path("p50Ms").asDouble(), 2) + " / " + fmt(s.path("p95Ms").asDouble(), 2) + " / "
                + fmt(s.path("p99Ms").asDouble(), 2);
    }

    private static String runs(JsonNode s) {
        return s.path("runs").size() + " × " + String.format(Locale.ROOT, "%,d", s.path("operations").asLong())
                + " total, " + s.path("failed").asLong() + " failed";
    }

    private static String cores(JsonNode s) {
        List<String> parts = new ArrayList<>();
        s.path("cpuCores").fields().forEachRemaining(e -> {
            if (e.getValue().asDouble() >= 0.01) {
                parts.add(e.getKey() + " " + fmt(e.getValue().asDouble(), 2));
            }
        });
        return String.join(", ", parts);
    }

    private static String runLabel(JsonNode run) {
        return run.path("date").asText() + " (" + run.path("profile").asText() + ")";
    }

    static String fmt(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "—";
        }
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }
}
