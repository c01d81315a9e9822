package io.mosaic.crm.bench.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fallback when wrk is not available: one thread per connection, each with its own keep-alive HTTP/1.1
 * client, closed-loop like wrk. Records at most a million latencies per thread (bounded memory).
 */
public final class JavaLoad implements LoadGenerator {
    private static final int MAX_SAMPLES_PER_THREAD = 1_000_000;

    @Override
    public String name() {
        return "java";
    }

    @Override
    public Measurement run(LoadSpec spec) throws Exception {
        List<String> lines = Files.readAllLines(spec.dataFile()).stream().filter(l -> !l.isBlank()).toList();
        long end = System.nanoTime() + spec.duration().toNanos();
        AtomicLong failed = new AtomicLong();
        long[][] samples = new long[spec.connections()][];
        List<Thread> threads = new ArrayList<>();
        int[] counts = new int[spec.connections()];
        long start = System.nanoTime();
        for (int t = 0; t < spec.connections(); t++) {
            int tid = t;
            Thread thread = new Thread(() -> loop(spec, lines, tid, end, samples, counts, failed), "load-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < counts.length; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Measurement(total, seconds, failed.get(), pct(all, 50), pct(all, 95), pct(all, 99),
                total == 0 ? 0 : all[total - 1] / 1e6);
    }

    private static void loop(LoadSpec spec, List<String> lines, int tid, long end, long[][] allSamples, int[] counts,
                             AtomicLong failed) {
        long[] samples = new long[16_384];
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        SplittableRandom random = new SplittableRandom(spec.label().hashCode() * 1000L + tid);
        String base = "http://127.0.0.1:" + spec.port();
        int n = 0;
        while (System.nanoTime() < end && n < MAX_SAMPLES_PER_THREAD) {
            HttpRequest.Builder b;
            if (spec.kind() == LoadSpec.Kind.PATHS) {
                b = HttpRequest.newBuilder(URI.create(base + lines.get(random.nextInt(lines.size())))).GET();
            } else {
                String body = "{\"accountId\":" + lines.get(random.nextInt(lines.size()))
                        + ",\"firstName\":\"Java\",\"lastName\":\"Load" + (n % 1000) + "\",\"email\":\"java." + spec.label()
                        + "." + tid + "." + n + "@bench.example\",\"title\":\"Buyer\"}";
                b = HttpRequest.newBuilder(URI.create(base + "/api/customers/contacts"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
            }
            if (spec.authorization() != null) {
                b.header("Authorization", spec.authorization());
            }
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = client.send(b.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() / 100 != 2) {
                    failed.incrementAndGet();
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
            if (n == samples.length) {
                samples = Arrays.copyOf(samples, Math.min(MAX_SAMPLES_PER_THREAD, n * 2));
            }
            samples[n++] = System.nanoTime() - t0;
        }
        allSamples[tid] = samples;
        counts[tid] = n;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }
}
