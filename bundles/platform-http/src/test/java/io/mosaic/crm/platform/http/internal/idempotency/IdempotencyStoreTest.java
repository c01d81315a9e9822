package io.mosaic.crm.platform.http.internal.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.http.internal.json.StrictJson;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter.Answer;
import io.mosaic.crm.testing.TestMariaDb;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The store behind Idempotency-Key, on the real table (the bundle's migration) in MariaDB. */
class IdempotencyStoreTest {
    private static final Duration DAY = Duration.ofHours(24);
    private static final Duration ABANDONED = Duration.ofMinutes(2);
    private final java.util.Set<String> serving = new java.util.HashSet<>();
    private final IdempotencyStore store = new IdempotencyStore(StrictJson.newMapper(), "node-1", serving::contains);
    private final IdempotencyStore otherNode = new IdempotencyStore(StrictJson.newMapper(), "node-2", id -> false);
    private final Instant now = Instant.parse("2026-12-03T10:00:00Z");
    private final byte[] first = IdempotencyKeys.fingerprint("POST", "/api/x", null, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
    private final byte[] other = IdempotencyKeys.fingerprint("POST", "/api/x", null, "{\"a\":2}".getBytes(StandardCharsets.UTF_8));
    private Jdbi jdbi;

    @BeforeEach
    void schema() throws IOException {
        TestMariaDb db = TestMariaDb.shared();
        jdbi = Jdbi.create(db.freshDatabase("idempotency"), db.user(), db.password());
        try (InputStream sql = getClass().getResourceAsStream("/db/http/V1__idempotency.sql")) {
            String ddl = new String(sql.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            jdbi.useHandle(h -> h.execute(ddl));
        }
    }

    @Test
    void replays_the_stored_answer_to_the_same_request() {
        assertThat(store.claim(jdbi, 7, "k1", first, now, DAY, ABANDONED)).isInstanceOf(IdempotencyStore.Claimed.class);
        store.complete(jdbi, 7, "k1", new Answer(201, Map.of("Location", "/api/x/5", "ETag", "\"1\""),
                "{\"id\":5}".getBytes(StandardCharsets.UTF_8)));

        var again = store.claim(jdbi, 7, "k1", first, now.plusSeconds(5), DAY, ABANDONED);

        assertThat(again).isInstanceOfSatisfying(IdempotencyStore.Replay.class, replay -> {
            assertThat(replay.answer().status()).isEqualTo(201);
            assertThat(replay.answer().headers()).containsEntry("Location", "/api/x/5").containsEntry("ETag", "\"1\"");
            assertThat(new String(replay.answer().body(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":5}");
        });
    }

    @Test
    void refuses_another_request_under_the_same_key_and_tells_a_running_one_apart() {
        store.claim(jdbi, 7, "k2", first, now, DAY, ABANDONED);
        serving.add(IdempotencyStore.id(7, "k2"));

        assertThat(store.claim(jdbi, 7, "k2", first, now, DAY, ABANDONED)).isInstanceOf(IdempotencyStore.InProgress.class);
        assertThat(store.claim(jdbi, 7, "k2", other, now, DAY, ABANDONED)).isInstanceOf(IdempotencyStore.Reused.class);
        assertThat(store.claim(jdbi, 8, "k2", other, now, DAY, ABANDONED))
                .as("keys are per user").isInstanceOf(IdempotencyStore.Claimed.class);
    }

    @Test
    void a_released_abandoned_or_expired_key_runs_again_and_the_sweep_removes_expired_rows() {
        store.claim(jdbi, 7, "released", first, now, DAY, ABANDONED);
        store.release(jdbi, 7, "released");
        otherNode.claim(jdbi, 7, "abandoned", first, now, DAY, ABANDONED);
        store.claim(jdbi, 7, "unsettled", first, now, DAY, ABANDONED);   // this process no longer serves it
        store.claim(jdbi, 7, "expired", first, now, DAY, ABANDONED);
        store.complete(jdbi, 7, "expired", new Answer(201, Map.of(), null));

        assertThat(store.claim(jdbi, 7, "released", first, now, DAY, ABANDONED)).isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim(jdbi, 7, "abandoned", first, now.plusSeconds(60), DAY, ABANDONED))
                .as("another process may still serve it").isInstanceOf(IdempotencyStore.InProgress.class);
        assertThat(store.claim(jdbi, 7, "abandoned", first, now.plusSeconds(180), DAY, ABANDONED))
                .isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim(jdbi, 7, "unsettled", first, now.plusSeconds(1), DAY, ABANDONED))
                .isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.claim(jdbi, 7, "expired", first, now.plus(DAY).plusSeconds(1), DAY, ABANDONED))
                .isInstanceOf(IdempotencyStore.Claimed.class);
        assertThat(store.sweep(jdbi, now.plus(DAY.multipliedBy(3)), 1000)).isEqualTo(4);
    }

    @Test
    void tells_whether_the_write_of_a_claimed_key_committed_its_answer() {
        store.claim(jdbi, 7, "outcome", first, now, DAY, ABANDONED);
        assertThat(store.answer(jdbi, 7, "outcome", first)).as("still running: not committed").isEmpty();

        jdbi.useTransaction(h -> store.complete(h, 7, "outcome", new Answer(201, Map.of("Location", "/api/x/9"), null)));

        assertThat(store.answer(jdbi, 7, "outcome", first)).get().extracting(Answer::status).isEqualTo(201);
        assertThat(store.answer(jdbi, 7, "outcome", other)).isEmpty();
    }
}
