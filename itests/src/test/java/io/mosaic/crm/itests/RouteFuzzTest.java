package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.itests.FuzzRequests.Request;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.SharedMosaicPlatform;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Every route of the live OpenAPI document, called with malformed paths, ids, query parameters,
 * headers and bodies: no answer is a 5xx, every error is our JSON, and no rejected write changes
 * the records (the lists of every record type are compared before and after each batch in which
 * every write was refused). Writes are fuzzed on record routes only: module, plugin, config, user,
 * password and session routes change what the rest of the shared server depends on.
 *
 * <p>Reproduce a run with {@code -Dmosaic.fuzz.seed=<the printed seed>}; {@code -Dmosaic.fuzz.requests} sets the count.
 */
@ResourceLock(TestLocks.RECORD_LISTS)
class RouteFuzzTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int WORKERS = 4;
    private static final int PER_ROUND = 50;
    /** GET routes with side effects on the whole JVM (a forced garbage collection). */
    private static final Set<String> EXCLUDED_READS = Set.of("/api/platform/diagnostics/classloaders");
    /** Writes here change users, sessions, modules, plugins or configuration: what every other test relies on. */
    private static final List<String> EXCLUDED_WRITES = List.of("/api/security/", "/api/platform/");
    /** Public routes rate-limited per address: fuzzing them would lock 127.0.0.1 out for the other tests. */
    private static final List<String> EXCLUDED = List.of("/api/service/surveys/");

    @RegisterExtension
    static final SharedMosaicPlatform server = MosaicPlatform.bare().shared();

    @Test
    void no_malformed_request_gets_a_5xx_a_non_json_error_or_changes_state() throws Exception {
        long seed = Long.getLong("mosaic.fuzz.seed", new Random().nextLong());
        int total = Integer.getInteger("mosaic.fuzz.requests", 10_000);
        System.out.println("route fuzz: seed " + seed + " (rerun with -Dmosaic.fuzz.seed=" + seed + ")");
        MosaicClient admin = server.admin();
        List<FuzzOperation> all = FuzzOperation.all(admin.get("/api/openapi.json").json()).stream()
                .filter(o -> EXCLUDED.stream().noneMatch(o.pattern()::startsWith)).toList();
        List<String> collections = recordCollections(all);
        List<FuzzOperation> reads = all.stream().filter(o -> o.method().equals("GET") && !EXCLUDED_READS.contains(o.pattern())).toList();
        List<FuzzOperation> writes = all.stream().filter(o -> o.writes() && collections.stream().anyMatch(c ->
                o.pattern().equals(c) || o.pattern().equals(c + "/{id}"))).toList();
        assertThat(writes).as("record write routes").isNotEmpty();
        String authorization = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                ("admin:" + Files.readString(server.home().resolve("data/initial-admin-password")).trim())
                        .getBytes(StandardCharsets.UTF_8));
        int port = URI.create(server.baseUrl()).getPort();

        Map<Integer, AtomicInteger> statuses = new TreeMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> created = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        int verifiedRounds = 0;
        int rounds = 0;
        Map<String, String> fixtures = fixtures(admin, all, collections, seed, created);
        long started = System.nanoTime();
        int logFrom = server.log().length();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<RawHttp> connections = new ArrayList<>();
        List<FuzzRequests> generators = new ArrayList<>();
        List<Random> choosers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            connections.add(new RawHttp(port));
            generators.add(new FuzzRequests(seed + w, fixtures)); // never another class's records: a write may pass
            choosers.add(new Random(seed * 31 + w));
        }
        Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();
        try {
            String before = snapshot(admin, collections);
            while (sent.get() < total && failures.size() < 20) {
                AtomicBoolean accepted = new AtomicBoolean();
                List<Callable<Void>> round = new ArrayList<>();
                boolean deep = rounds++ % 2 == 1;
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    round.add(() -> {
                        for (int i = 0; i < PER_ROUND; i++) {
                            Random choose = choosers.get(worker);
                            FuzzOperation op = choose.nextInt(100) < 35 ? writes.get(choose.nextInt(writes.size()))
                                    : reads.get(choose.nextInt(reads.size()));
                            if (deep && op.method().equals("DELETE")) {
                                continue; // a well-formed delete succeeds: it is fuzzed malformed only
                            }
                            RawHttp http = connections.get(worker);
                            Request request = deep ? generators.get(worker).deep(op) : generators.get(worker).next(op);
                            List<String> headers = new ArrayList<>(request.headers());
                            headers.add(0, authorization);
                            try {
                                if (deep && op.method().equals("PATCH")) {
                                    String etag = http.send("GET", request.target(), List.of(authorization), null).headers().get("etag");
                                    headers.add("If-Match: " + (etag == null ? "\"1\"" : etag));
                                    sent.incrementAndGet();
                                }
                                RawHttp.Answer answer = http.send(request.method(), request.target(), headers, request.body());
                                counts.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                                String problem = problem(request, answer);
                                if (problem != null) {
                                    failures.add(problem + "\n    request: " + request + " " + headers.subList(1, headers.size())
                                            + "\n    answer: " + answer.status() + " " + answer.headers().get("content-type") + " "
                                            + abbreviate(answer.text()));
                                }
                                if (op.writes() && answer.status() < 300) {
                                    accepted.set(true);
                                    System.out.println("route fuzz: accepted " + answer.status() + ": " + request);
                                    if (answer.headers().containsKey("location")) {
                                        created.add(answer.headers().get("location"));
                                    }
                                }
                            } catch (IOException e) {
                                counts.computeIfAbsent(0, s -> new AtomicInteger()).incrementAndGet();
                                failures.add("no answer (" + e.getMessage() + ")\n    request: " + request);
                            }
                            sent.incrementAndGet();
                        }
                        return null;
                    });
                }
                for (var done : pool.invokeAll(round)) {
                    done.get();
                }
                String after = snapshot(admin, collections);
                if (!deep && !accepted.get()) {
                    verifiedRounds++;
                    if (!after.equals(before)) {
                        failures.add("a round of rejected writes changed the records (seed " + seed + ")");
                    }
                }
                before = after;
            }
        } finally {
            pool.shutdownNow();
            connections.forEach(RawHttp::close);
            deleteCreated(admin, created);
        }
        counts.forEach((s, n) -> statuses.put(s, n));
        System.out.printf("route fuzz: %d requests over %d read and %d write routes in %d ms, %d all-rejected rounds"
                        + " verified unchanged, statuses %s (0 = no answer), %d records it created (fixtures included) deleted%n",
                sent.get(), reads.size(), writes.size(), (System.nanoTime() - started) / 1_000_000, verifiedRounds,
                statuses, created.size());
        List<String> errors = server.log().substring(logFrom).lines().filter(l -> l.contains(" ERROR ")).toList();
        errors.stream().limit(10).forEach(l -> System.out.println("route fuzz: server logged " + abbreviate(l)));
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    /**
     * One record per record type for the well-formed writes to work on (created with the required
     * fields only, where that is enough): collection → id; deleted at the end with everything else
     * created. Requests that could succeed address only these, never the records of other classes.
     */
    private static Map<String, String> fixtures(MosaicClient admin, List<FuzzOperation> all, List<String> collections, long seed,
            ConcurrentLinkedQueue<String> created) {
        Map<String, String> ids = new TreeMap<>();
        for (FuzzOperation op : all) {
            if (!op.method().equals("POST") || !collections.contains(op.pattern())) {
                continue;
            }
            StringBuilder body = new StringBuilder("{");
            for (String field : op.required()) {
                String type = op.fields().get(field).path("type").asText("string");
                body.append(body.length() > 1 ? "," : "").append('"').append(field).append("\":")
                        .append(type.equals("string") ? "\"Fuzz fixture " + seed + "\"" : "1");
            }
            var answer = admin.post(op.pattern(), body.append('}').toString());
            if (answer.status() == 201) {
                created.add(answer.header("Location"));
                ids.put(op.pattern(), answer.json().path("id").asText());
            }
        }
        return ids;
    }

    /** What is wrong with the answer, or null. */
    private static String problem(Request request, RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "a " + answer.status();
        }
        if (answer.status() < 400 || request.method().equals("HEAD")) {
            return null;
        }
        String type = answer.headers().getOrDefault("content-type", "");
        if (!type.startsWith("application/json")) {
            return "an error that is not JSON";
        }
        try {
            JsonNode error = JSON.readTree(answer.body());
            if (!error.path("error").isTextual() || !error.path("message").isTextual() || !error.path("details").isArray()) {
                return "an error without error/message/details";
            }
        } catch (IOException e) {
            return "an error whose JSON does not parse";
        }
        return null;
    }

    /** Base paths of the record types: a POST collection whose /{id} can be patched. */
    private static List<String> recordCollections(List<FuzzOperation> all) {
        Set<String> patchable = all.stream().filter(o -> o.method().equals("PATCH") && o.pattern().endsWith("/{id}"))
                .map(o -> o.pattern().substring(0, o.pattern().length() - "/{id}".length())).collect(Collectors.toSet());
        return all.stream().filter(o -> o.method().equals("POST") && patchable.contains(o.pattern()))
                .map(FuzzOperation::pattern).filter(p -> EXCLUDED_WRITES.stream().noneMatch(p::startsWith)).sorted().toList();
    }

    /** The first 500 records of every record type, as the API lists them (with versions and times). */
    private static String snapshot(MosaicClient admin, List<String> collections) {
        StringBuilder state = new StringBuilder();
        for (String collection : collections) {
            var list = admin.get(collection + "?limit=500");
            state.append(collection).append(' ').append(list.status()).append(' ').append(list.body()).append('\n');
        }
        return state.toString();
    }

    private static void deleteCreated(MosaicClient admin, Iterable<String> locations) {
        for (String location : locations) {
            String path = URI.create(location).getPath();
            var record = admin.get(path);
            if (record.status() == 200) {
                admin.send("DELETE", path, null, Map.of("If-Match", record.header("ETag")));
            }
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
