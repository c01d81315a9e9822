package io.mosaic.crm.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV import of {@code mosaic.bench.imports} contacts (1,000,000 in full, 200,000 in quick) through the job API
 * ({@code POST /api/jobs/imports}, timed from the upload to {@code succeeded}) against the baseline, MariaDB's
 * {@code LOAD DATA LOCAL INFILE} of the same file into a copy of the contacts table (same columns, indexes and unique
 * key), in the same run; then the streamed CSV export of those rows, with the JVM's heap sampled from {@code /metrics}
 * while it runs.
 */
public final class ImportExport implements Scenario {
    private static final Pattern HEAP = Pattern.compile("(?m)^mosaic_jvm_memory_heap_used (\\S+)$");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Override
    public String id() {
        return "import-export";
    }

    @Override
    public String title() {
        return "Bulk data: CSV import job vs LOAD DATA LOCAL INFILE, and the streamed export of the same rows";
    }

    @Override
    public String goal() {
        return "import >= 0.5x LOAD DATA rows/s; export of all rows < 60 s with flat heap";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        int rows = Integer.getInteger("mosaic.bench.imports", ctx.profile.name().equals("full") ? 1_000_000 : 200_000);
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Path csv = ctx.workDir.resolve("import-" + tag + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("lastName,firstName,email,title\n");
            for (int i = 0; i < rows; i++) {
                out.write("Imp" + tag + ",First " + i + ",imp" + i + "." + tag + "@example.com,\"Title, " + (i % 97) + "\"\n");
            }
        }
        List<String> notes = new ArrayList<>();
        try {
            double loadSeconds = loadData(ctx, csv, rows);
            ctx.log.accept(String.format("  LOAD DATA of %,d rows: %.1f s", rows, loadSeconds));
            String auth = ctx.authorization();
            String base = ctx.mosaic.baseUrl();
            long t0 = System.nanoTime();
            HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/jobs/imports?entity=customers.contact")).header("Authorization", auth)
                    .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(csv)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException("import refused: " + created.statusCode() + " " + created.body());
            }
            String job = base + created.headers().firstValue("Location").orElseThrow();
            JsonNode done;
            while (true) {
                done = Http.getJson(job, auth);
                if (!List.of("pending", "queued", "running").contains(done.path("state").asText())) {
                    break;
                }
                Thread.sleep(200);
            }
            double importSeconds = (System.nanoTime() - t0) / 1e9;
            ctx.log.accept(String.format("  import job: %.1f s, %s", importSeconds, done.path("state").asText()));
            if (done.path("rowsImported").asLong() != rows) {
                throw new IllegalStateException("the import ended with " + done);
            }
            double mosaicRate = rows / importSeconds;
            double baselineRate = rows / loadSeconds;

            AtomicLong peakHeap = new AtomicLong();
            long heapBefore = heap(base, auth);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        peakHeap.accumulateAndGet(heap(base, auth), Math::max);
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // a missed sample
                    }
                }
            });
            sampler.start();
            long t1 = System.nanoTime();
            long bytes = 0;
            long lines = 0;
            try (InputStream body = CLIENT.send(HttpRequest.newBuilder(URI.create(base
                            + "/api/customers/contacts/export?lastName=Imp" + tag)).header("Authorization", auth).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body()) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = body.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            double exportSeconds = (System.nanoTime() - t1) / 1e9;
            sampler.interrupt();
            sampler.join();
            notes.add(String.format("%,d contacts, %,d bytes of CSV; LOAD DATA into a copy of the contacts table (same"
                    + " indexes and unique key, no change rows) %.1f s; the import job %.1f s from upload to succeeded"
                    + " (batches of 1,000: field checks, hooks, multi-row INSERT, one change row per record, progress)",
                    rows, Files.size(csv), loadSeconds, importSeconds));
            notes.add(String.format("export: %,d lines, %,d bytes in %.1f s; heap used before %d MiB, peak while exporting"
                    + " %d MiB (sampled every 250 ms from /metrics)", lines, bytes, exportSeconds, heapBefore >> 20,
                    peakHeap.get() >> 20));
            var figures = List.of(
                    new Outcome.Figure("import job, rows/s", "rows/s", mosaicRate, mosaicRate, mosaicRate),
                    new Outcome.Figure("LOAD DATA LOCAL INFILE, rows/s", "rows/s", baselineRate, baselineRate, baselineRate),
                    new Outcome.Figure("export of all rows", "s", exportSeconds, exportSeconds, exportSeconds),
                    new Outcome.Figure("heap used, peak during export", "MiB", peakHeap.get() >> 20, heapBefore >> 20,
                            peakHeap.get() >> 20));
            double ratio = mosaicRate / baselineRate;
            boolean pass = ratio >= 0.5 && exportSeconds < 60 && lines == rows + 1;
            return new Outcome(id(), title(), goal(), null, null, ratio, figures, pass ? "PASS" : "MISS",
                    "per-row checks and the change rows the import writes beside each record", notes);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static double loadData(BenchContext ctx, Path csv, int rows) throws Exception {
        try (Connection c = ctx.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_contacts_load");
            s.execute("CREATE TABLE bench_contacts_load LIKE contacts");
            long t0 = System.nanoTime();
            s.execute("LOAD DATA LOCAL INFILE '" + csv.toAbsolutePath() + "' INTO TABLE bench_contacts_load"
                    + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' OPTIONALLY ENCLOSED BY '\"' LINES TERMINATED BY '\\n'"
                    + " IGNORE 1 LINES (last_name, first_name, email, title)"
                    + " SET owner_id = 1, version = 1, created_at = UTC_TIMESTAMP(6), updated_at = UTC_TIMESTAMP(6)");
            double seconds = (System.nanoTime() - t0) / 1e9;
            s.execute("DROP TABLE bench_contacts_load");
            return seconds;
        }
    }

    private static long heap(String base, String auth) throws Exception {
        String metrics = new String(Http.get(base + "/metrics", auth), StandardCharsets.UTF_8);
        Matcher m = HEAP.matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
