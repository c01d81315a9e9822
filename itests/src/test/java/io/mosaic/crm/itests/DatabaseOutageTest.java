package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.testkit.MosaicClient;
import io.mosaic.crm.testkit.MosaicPlatform;
import io.mosaic.crm.testkit.MosaicResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The embedded MariaDB stalls (SIGSTOP for 10 s) and is then killed (SIGKILL) while clients read and
 * write (each write with its own Idempotency-Key), and more clients begin during the stall: every
 * answer meanwhile is a 503 {@code database_unavailable} (never a 500, and every request finishes), the
 * launcher starts MariaDB again by itself, errors stop without anyone restarting Mosaic, exactly the
 * writes answered 201 are in the database, and a refused write retried with its key runs then.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = TestLocks.CORES, mode = ResourceAccessMode.READ)
@ResourceLock(TestLocks.SECOND_SERVER)
class DatabaseOutageTest {
    private static final int CLIENTS = 4;
    private static final String ACCOUNTS = "/api/customers/accounts";

    @RegisterExtension
    static final MosaicPlatform server = MosaicPlatform.bare();

    private record Outcome(String method, String name, String key, int status, String error, long finishedAt) {}

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> broken = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void a_stalled_then_killed_database_answers_503_and_comes_back_without_a_restart_of_mosaic() throws Exception {
        MosaicClient admin = server.admin();
        ProcessHandle mariadb = mariadbd();
        List<Thread> clients = startClients(0);
        Thread.sleep(1000);

        signal("STOP", mariadb.pid());
        long outageStarted = System.nanoTime();
        Thread.sleep(1000);
        clients.addAll(startClients(CLIENTS));                    // requests that begin during the stall
        Thread.sleep(9000);
        mariadb.destroyForcibly();                                   // SIGKILL
        assertThat(mariadb.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
        long killedAt = System.nanoTime();

        TestPlugins.await(server, 60, "the launcher started MariaDB again",
                () -> restarts(health()) >= 1);
        long backAt = System.nanoTime();
        AtomicReference<Long> recoveredAt = new AtomicReference<>();
        TestPlugins.await(server, 60, "20 answers in a row without an error", () -> {
            if (lastAnswersSucceeded(20)) {
                recoveredAt.set(System.nanoTime());
                return true;
            }
            return false;
        });
        running.set(false);
        for (Thread t : clients) {
            t.join(60_000);
        }
        System.out.printf("outage: restarted %d ms after the SIGKILL, no errors %d ms after that; %d answers, %d 503%n",
                (backAt - killedAt) / 1_000_000, (recoveredAt.get() - backAt) / 1_000_000, outcomes.size(),
                outcomes.stream().filter(o -> o.status() == 503).count());

        assertThat(broken).as("requests that did not finish").isEmpty();
        assertThat(outcomes).as("answers other than 2xx and 503 database_unavailable")
                .filteredOn(o -> o.status() >= 300 && !(o.status() == 503 && "database_unavailable".equals(o.error())))
                .isEmpty();
        assertThat(outcomes).filteredOn(o -> o.status() == 503 && o.finishedAt() > outageStarted).isNotEmpty();

        Set<String> stored = storedNames(server.admin());
        Set<String> answered201 = new HashSet<>();
        Set<String> refused = new HashSet<>();
        for (Outcome o : outcomes) {
            if (o.method().equals("POST")) {
                (o.status() == 201 ? answered201 : refused).add(o.name());
            }
        }
        assertThat(answered201).isNotEmpty();
        assertThat(refused).isNotEmpty();
        assertThat(stored).as("every write answered 201 is stored").containsAll(answered201);
        assertThat(stored).as("no write answered with an error is stored; answers: %s", outcomes.stream()
                .filter(o -> refused.contains(o.name()) && stored.contains(o.name()))
                .map(o -> o.status() + " " + o.error() + " at +" + (o.finishedAt() - outageStarted) / 1_000_000 + " ms").toList())
                .doesNotContainAnyElementsOf(refused);
        for (Outcome o : outcomes) {
            if (o.method().equals("POST") && o.status() != 201) {  // the client retries with its key: it runs now
                MosaicResponse retry = post(admin, o.key(), o.name());
                assertThat(retry.status()).as(o.name() + ": " + retry).isEqualTo(201);
                assertThat(retry.header("Idempotent-Replayed")).isNull();
            }
        }

        JsonNode health = health();
        assertThat(health.path("database").path("state").asText()).isEqualTo("up");
        String metrics = admin.get("/metrics").body();
        metrics.lines().filter(l -> l.startsWith("mosaic_http_idempotency_outcome")).forEach(System.out::println);
        assertThat(metrics).containsPattern("mosaic_db_embedded_restarts [1-9]");
        assertThat(metrics).containsPattern("mosaic_http_server_database_unavailable [1-9]");
        long traces = server.log().lines().filter(l -> l.contains("the database is unreachable; answered 503")).count();
        assertThat(traces).as("stack traces logged for the outage (one per distinct failure per minute)")
                .isLessThan(outcomes.stream().filter(o -> o.status() == 503).count()).isLessThan(20);
    }

    private static MosaicResponse post(MosaicClient api, String key, String name) {
        return api.send("POST", ACCOUNTS, "{\"name\":\"" + name + "\"}", Map.of("Idempotency-Key", key));
    }

    private List<Thread> startClients(int first) {
        List<Thread> threads = new ArrayList<>();
        for (int i = first; i < first + CLIENTS; i++) {
            boolean writer = i % 2 == 0;
            MosaicClient api = server.admin();
            Thread t = new Thread(() -> {
                while (running.get() && outcomes.size() < 20_000) {
                    String name = "Outage " + run + " " + sequence.incrementAndGet();
                    String key = UUID.randomUUID().toString();
                    try {
                        MosaicResponse r = writer ? post(api, key, name) : api.get(ACCOUNTS + "?limit=5");
                        String error = r.status() >= 400 ? r.json().path("error").asText() : null;
                        outcomes.add(new Outcome(writer ? "POST" : "GET", name, key, r.status(), error, System.nanoTime()));
                        Thread.sleep(10);
                    } catch (RuntimeException e) {
                        broken.add(name + ": " + e + " / " + e.getCause());
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "outage-client-" + i);
            t.start();
            threads.add(t);
        }
        return threads;
    }

    private boolean lastAnswersSucceeded(int n) {
        List<Outcome> all = new ArrayList<>(outcomes);
        if (all.size() < n) {
            return false;
        }
        return all.subList(all.size() - n, all.size()).stream().allMatch(o -> o.status() < 300);
    }

    private ProcessHandle mariadbd() {
        return server.processes().stream()
                .filter(p -> p.info().command().orElse("").contains("mariadbd"))
                .findFirst().orElseThrow(() -> new AssertionError("no mariadbd among " + server.processes()));
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
    }

    private static JsonNode health() {
        return server.anonymous().get("/health").json();
    }

    private static long restarts(JsonNode health) {
        return health.path("database").path("restarts").asLong();
    }

    /** The names of this run's accounts in the database, page by page. */
    private Set<String> storedNames(MosaicClient admin) {
        Set<String> names = new HashSet<>();
        String after = null;
        do {
            String page = ACCOUNTS + "?q=Outage&limit=500&fields=name" + (after == null ? "" : "&after=" + java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8));
            MosaicResponse r = admin.get(page);
            assertThat(r.status()).isEqualTo(200);
            for (JsonNode item : r.json().path("items")) {
                names.add(item.path("name").asText());
            }
            JsonNode next = r.json().path("next");
            after = next.isNull() || next.isMissingNode() ? null : next.asText();
        } while (after != null);
        return names;
    }
}
