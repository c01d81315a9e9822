package io.mosaic.crm.platform.http.internal.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.error.DatabaseFailures;
import io.mosaic.crm.platform.http.internal.error.ErrorMapper;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter.Answer;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.http.IdempotentReply;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.security.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Idempotency-Key} on every POST of a signed-in caller: the first answer to a key (per user)
 * is stored with its status, headers and body for {@code idempotencyTtlSeconds}; a retry with the
 * same key and the same request (method, path, query, body) gets that answer again, marked
 * {@code Idempotent-Replayed: true}; the same key with another request is 422
 * {@code idempotency_key_reused}; a retry while the first is still being served is 409
 * {@code idempotency_in_progress}. Answers 5xx are not stored: the key is released, and a retry runs
 * again. A handler that writes in one transaction stores its reply in it ({@link IdempotentReply}; the
 * record kit's creates do), so the write and its answer commit together; otherwise the answer is
 * stored in its own transaction right after the handler's (see operations.md for what that means
 * when the process or the database dies in between).
 */
public final class IdempotencyKeys implements AutoCloseable {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** A running claim of another process older than this belongs to a request whose process died. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);
    private static final long SWEEP_MINUTES = 10;
    /** How long a write whose connection broke during its COMMIT waits for the database to tell the outcome. */
    static final Duration OUTCOME_WAIT = Duration.ofSeconds(15);

    private final IdempotencyStore store;
    private final Supplier<Database> database;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService sweeper;
    private final AtomicLong replays = new AtomicLong();
    private final AtomicLong inProgress = new AtomicLong();
    private final AtomicLong reused = new AtomicLong();
    private final AtomicLong stored = new AtomicLong();
    private final AtomicLong swept = new AtomicLong();
    private final AtomicLong storedWithWrites = new AtomicLong();
    private final AtomicLong outcomesCommitted = new AtomicLong();
    private final AtomicLong outcomesRolledBack = new AtomicLong();
    private final AtomicLong outcomesUnknown = new AtomicLong();
    private final Set<String> serving = ConcurrentHashMap.newKeySet();
    private final Object[] stripes = new Object[64];
    private volatile Duration ttl = Duration.ofHours(24);
    private volatile Database migrated;

    public IdempotencyKeys(ObjectMapper mapper, Supplier<Database> database) {
        this.store = new IdempotencyStore(mapper, UUID.randomUUID().toString(), serving::contains);
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
        this.database = database;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "mosaic-idempotency-sweep");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(this::sweep, 1, SWEEP_MINUTES, TimeUnit.MINUTES);
    }

    public void ttlSeconds(long seconds) {
        ttl = Duration.ofSeconds(seconds);
    }

    /** Whether the request asks for idempotency: a POST with the header. */
    public static boolean requested(String method, String key) {
        return method.equals("POST") && key != null;
    }

    /** How the pipeline renders for this request: a handler's reply, and a failure. */
    public interface Rendering {
        Answer reply(Reply reply) throws Exception;

        Answer failure(Exception failure);
    }

    /**
     * Serves a POST carrying {@code key}: runs {@code work} once per key and request, replays its answer
     * otherwise. Before {@code work} runs, {@code attach} receives the {@link IdempotentReply} through
     * which the handler may store its reply inside its own write transaction.
     */
    public Answer serve(Principal principal, String key, String method, String path, String query, byte[] body,
            Consumer<IdempotentReply> attach, Callable<Answer> work, Rendering render) throws Exception {
        if (!VALID.matcher(key).matches()) {
            throw new ApiProblem(400, "invalid_idempotency_key",
                    "Idempotency-Key must be 1 to 255 visible ASCII characters");
        }
        Jdbi jdbi = jdbi();
        long user = principal.userId();
        byte[] fingerprint = fingerprint(method, path, query, body);
        String id = IdempotencyStore.id(user, key);
        IdempotencyStore.Claim claim;
        synchronized (stripe(id)) { // a claim and its entry in serving are one step for concurrent retries of a key
            claim = store.claim(jdbi, user, key, fingerprint, clock.instant(), ttl, ABANDONED_AFTER);
            if (claim instanceof IdempotencyStore.Claimed) {
                serving.add(id);
            }
        }
        if (claim instanceof IdempotencyStore.Replay replay) {
            replays.incrementAndGet();
            Map<String, String> headers = new LinkedHashMap<>(replay.answer().headers());
            headers.put(REPLAYED, "true");
            return new Answer(replay.answer().status(), headers, replay.answer().body());
        }
        if (claim instanceof IdempotencyStore.InProgress) {
            inProgress.incrementAndGet();
            throw new ApiProblem(409, "idempotency_in_progress", "a request with this Idempotency-Key is still being"
                    + " served; retry when it is done", List.of(), Map.of("Retry-After", "1"));
        }
        if (claim instanceof IdempotencyStore.Reused) {
            reused.incrementAndGet();
            throw new ApiProblem(422, "idempotency_key_reused", "this Idempotency-Key was used for a different request");
        }
        AtomicBoolean storedWithWrite = new AtomicBoolean();
        attach.accept((handle, reply) -> {
            try {
                store.complete(handle, user, key, storable(render.reply(reply)));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("the reply cannot be rendered", e);
            }
            storedWithWrite.set(true);
        });
        Answer answer;
        try {
            try {
                answer = work.call();
            } catch (Exception e) {
                answer = render.failure(e);
                if (storedWithWrite.get() && DatabaseFailures.isUnavailable(e)) {
                    // the connection broke after the answer was stored in the write's transaction, maybe
                    // during its COMMIT: wait until the database tells whether it committed
                    answer = outcome(jdbi, user, key, fingerprint).orElse(answer);
                }
            }
            // also after storedWithWrite: a no-op when that committed (the row is done), the answer when the
            // transaction that stored it rolled back and a later attempt of the handler answered otherwise
            settle(jdbi, user, key, answer);
            if (storedWithWrite.get()) {
                storedWithWrites.incrementAndGet();
            }
        } finally {
            serving.remove(id);
        }
        return answer;
    }

    /**
     * The committed answer of a write whose outcome was lost with its connection, once the database
     * answers again (within {@link #OUTCOME_WAIT}); empty if it did not commit, or the database stays away.
     */
    private Optional<Answer> outcome(Jdbi jdbi, long user, String key, byte[] fingerprint) {
        long deadline = System.nanoTime() + OUTCOME_WAIT.toNanos();
        while (System.nanoTime() - deadline < 0) {
            try {
                Optional<Answer> committed = store.answer(jdbi, user, key, fingerprint);
                (committed.isPresent() ? outcomesCommitted : outcomesRolledBack).incrementAndGet();
                return committed;
            } catch (RuntimeException e) {
                if (!DatabaseFailures.isUnavailable(e)) {
                    return Optional.empty();
                }
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        outcomesUnknown.incrementAndGet();
        return Optional.empty();
    }

    private Object stripe(String id) {
        return stripes[Math.floorMod(id.hashCode(), stripes.length)];
    }

    private void settle(Jdbi jdbi, long user, String key, Answer answer) {
        try {
            if (answer.status() >= 500) {
                store.release(jdbi, user, key);
            } else {
                store.complete(jdbi, user, key, storable(answer));
                stored.incrementAndGet();
            }
        } catch (RuntimeException e) {
            // the answer stands; the claim stays running until it counts as abandoned
            ErrorMapper.failures().warn("could not store the answer of an Idempotency-Key", e);
        }
    }

    /** What a replay repeats: the answer's own headers, without connection management. */
    private static Answer storable(Answer answer) {
        Map<String, String> headers = new LinkedHashMap<>(answer.headers());
        headers.remove("Connection");
        return new Answer(answer.status(), headers, answer.body());
    }

    private Jdbi jdbi() {
        Database current = database.get();
        if (current == null) {
            throw ErrorMapper.databaseUnavailable();
        }
        if (migrated != current) {
            synchronized (this) {
                if (migrated != current) {
                    current.migrate("http", IdempotencyKeys.class.getClassLoader());
                    migrated = current;
                }
            }
        }
        return current.jdbi();
    }

    private void sweep() {
        try {
            if (database.get() == null) {
                return;
            }
            Jdbi jdbi = jdbi();
            int deleted;
            do {
                deleted = store.sweep(jdbi, clock.instant(), 1000);
                swept.addAndGet(deleted);
            } while (deleted == 1000);
        } catch (RuntimeException e) {
            ErrorMapper.failures().warn("sweeping expired Idempotency-Keys failed; tried again in " + SWEEP_MINUTES
                    + " minutes", e);
        }
    }

    static byte[] fingerprint(String method, String path, String query, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((method + '\0' + path + '\0' + (query == null ? "" : query) + '\0').getBytes(StandardCharsets.UTF_8));
            sha.update(body == null ? new byte[0] : body);
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Counters for metrics, by name. */
    public Map<String, Supplier<Number>> gauges() {
        return Map.of(
                "http.idempotency.replays", replays::get,
                "http.idempotency.in_progress", inProgress::get,
                "http.idempotency.reused", reused::get,
                "http.idempotency.stored", stored::get,
                "http.idempotency.stored_with_write", storedWithWrites::get,
                "http.idempotency.outcome.committed", outcomesCommitted::get,
                "http.idempotency.outcome.rolled_back", outcomesRolledBack::get,
                "http.idempotency.outcome.unknown", outcomesUnknown::get,
                "http.idempotency.swept", swept::get);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        LOG.debug("idempotency sweeper stopped");
    }
}
