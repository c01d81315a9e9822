package io.mosaic.crm.platform.http.internal.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter.Answer;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The table {@code http_idempotency}: one row per user and key, first {@code running} (claimed by
 * the request being served), then {@code done} with the stored answer. SQL with bound parameters
 * only; each call is its own short transaction.
 */
final class IdempotencyStore {
    private static final int DUPLICATE_KEY = 1062;
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {};

    /** The outcome of claiming a key. */
    sealed interface Claim permits Claimed, Replay, InProgress, Reused {}

    /** Nobody used the key: the request runs, and this claim must be completed or released. */
    record Claimed() implements Claim {}

    /** The key's first request was answered: this is its answer. */
    record Replay(Answer answer) implements Claim {}

    /** The key's first request is still being served. */
    record InProgress() implements Claim {}

    /** The key was used for a different request. */
    record Reused() implements Claim {}

    private record Row(byte[] fingerprint, String state, String node, Integer status, String headers, byte[] body,
            LocalDateTime createdAt, LocalDateTime expiresAt) {}

    private final ObjectMapper mapper;
    private final String node;
    private final Predicate<String> servingHere;

    /**
     * @param node this process's id, written into its claims
     * @param servingHere whether this process is serving the claim of a key ({@code user:key}) right
     *     now: a running claim of this process that it no longer serves was left by a request whose
     *     answer could not be stored (the database went away), and is taken over at once
     */
    IdempotencyStore(ObjectMapper mapper, String node, Predicate<String> servingHere) {
        this.mapper = mapper;
        this.node = node;
        this.servingHere = servingHere;
    }

    static String id(long userId, String key) {
        return userId + ":" + key;
    }

    /**
     * Claims the key for a new request, or tells what its earlier use was. A {@code running} row of
     * another process older than {@code abandonedAfter}, or of this process but no longer served by
     * it, is abandoned: it is taken over. An expired row is deleted first.
     */
    Claim claim(Jdbi jdbi, long userId, String key, byte[] fingerprint, Instant now, Duration ttl,
            Duration abandonedAfter) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO http_idempotency (user_id, idem_key, fingerprint, state, node, created_at, expires_at)
                        VALUES (:user, :key, :fingerprint, 'running', :node, :now, :expires)""")
                        .bind("node", node).bind("user", userId).bind("key", key).bind("fingerprint", fingerprint)
                        .bind("now", utc(now)).bind("expires", utc(now.plus(ttl))).execute());
                return new Claimed();
            } catch (RuntimeException e) {
                if (!isDuplicateKey(e) || attempt == 3) {
                    throw e;
                }
            }
            Optional<Row> found = find(jdbi, userId, key);
            if (found.isEmpty()) {
                continue; // removed meanwhile: claim again
            }
            Row row = found.get();
            if (row.expiresAt().isBefore(utc(now))) {
                delete(jdbi, userId, key, row);
                continue;
            }
            if (!Arrays.equals(row.fingerprint(), fingerprint)) {
                return new Reused();
            }
            if (row.state().equals("running")) {
                boolean ours = row.node().equals(node);
                if (ours && !servingHere.test(id(userId, key)) || row.createdAt().isBefore(utc(now.minus(abandonedAfter)))) {
                    delete(jdbi, userId, key, row);
                    continue;
                }
                return new InProgress();
            }
            return new Replay(new Answer(row.status(), headers(row.headers()), row.body()));
        }
    }

    /**
     * The stored answer of a key whose request had the fingerprint given, if its state is
     * {@code done}: after a write's connection broke during its COMMIT, this tells whether it committed.
     */
    Optional<Answer> answer(Jdbi jdbi, long userId, String key, byte[] fingerprint) {
        return find(jdbi, userId, key)
                .filter(row -> row.state().equals("done") && Arrays.equals(row.fingerprint(), fingerprint))
                .map(row -> new Answer(row.status(), headers(row.headers()), row.body()));
    }

    private static Optional<Row> find(Jdbi jdbi, long userId, String key) {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT fingerprint, state, node, status, headers, body, created_at, expires_at
                FROM http_idempotency WHERE user_id = :user AND idem_key = :key""")
                .bind("user", userId).bind("key", key)
                .map((rs, ctx) -> new Row(rs.getBytes(1), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4, Integer.class), rs.getString(5), rs.getBytes(6),
                        rs.getObject(7, LocalDateTime.class), rs.getObject(8, LocalDateTime.class)))
                .findOne());
    }

    /** Stores the answer of the claimed key's request. */
    void complete(Jdbi jdbi, long userId, String key, Answer answer) {
        jdbi.useHandle(h -> complete(h, userId, key, answer));
    }

    /** Stores the answer of the claimed key's request in the transaction of {@code handle}. */
    void complete(Handle handle, long userId, String key, Answer answer) {
        String headers;
        try {
            headers = mapper.writeValueAsString(answer.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("headers of an answer always serialize", e);
        }
        handle.createUpdate("""
                UPDATE http_idempotency SET state = 'done', status = :status, headers = :headers, body = :body
                WHERE user_id = :user AND idem_key = :key AND state = 'running'""")
                .bind("status", answer.status()).bind("headers", headers).bind("body", answer.body())
                .bind("user", userId).bind("key", key).execute();
    }

    /** Gives the key up (the request failed on the server's side): a retry runs again. */
    void release(Jdbi jdbi, long userId, String key) {
        jdbi.useHandle(h -> h.createUpdate(
                "DELETE FROM http_idempotency WHERE user_id = :user AND idem_key = :key AND state = 'running'")
                .bind("user", userId).bind("key", key).execute());
    }

    /** Deletes up to {@code limit} expired rows; returns how many. */
    int sweep(Jdbi jdbi, Instant now, int limit) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM http_idempotency WHERE expires_at < :now LIMIT :limit")
                .bind("now", utc(now)).bind("limit", limit).execute());
    }

    private static void delete(Jdbi jdbi, long userId, String key, Row row) {
        jdbi.useHandle(h -> h.createUpdate(
                "DELETE FROM http_idempotency WHERE user_id = :user AND idem_key = :key AND created_at = :created")
                .bind("user", userId).bind("key", key).bind("created", row.createdAt()).execute());
    }

    private Map<String, String> headers(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return mapper.readValue(json, HEADERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored headers are not JSON", e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
