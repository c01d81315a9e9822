package io.mosaic.crm.platform.jobs.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** The SQL of the job tables. */
final class JobStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One bad row. */
    record Problem(long line, String field, String problem) {}

    /** What a batch adds to a job's counters. */
    record Progress(long read, long imported, long updated, long skipped, long failed, long millis) {}

    private static final String INSERT = """
            INSERT INTO import_jobs (entity, state, dry_run, policy, match_fields, mapping, file_name, file_bytes, user_id,
                                     created_at)
            VALUES (:entity, :state, :dryRun, :policy, :matchFields, :mapping, :fileName, :fileBytes, :userId, :now)""";

    private static final String PROGRESS = """
            UPDATE import_jobs SET rows_read = rows_read + :read, rows_imported = rows_imported + :imported,
                   rows_updated = rows_updated + :updated, rows_skipped = rows_skipped + :skipped,
                   rows_failed = rows_failed + :failed, run_millis = run_millis + :millis
             WHERE id = :id AND state = 'running'""";

    private final Jdbi jdbi;

    JobStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    Jdbi jdbi() {
        return jdbi;
    }

    long create(String entity, String state, boolean dryRun, String policy, List<String> match, Map<String, String> mapping,
            String fileName, long fileBytes, long userId) {
        return jdbi.withHandle(h -> h.createUpdate(INSERT).bind("entity", entity).bind("state", state).bind("dryRun", dryRun)
                .bind("policy", policy).bind("matchFields", String.join(",", match)).bind("mapping", json(mapping))
                .bind("fileName", fileName).bind("fileBytes", fileBytes).bind("userId", userId).bind("now", utc(Instant.now()))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
    }

    Optional<Job> get(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM import_jobs WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> job(rs)).findOne());
    }

    List<Job> ofUser(long userId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM import_jobs WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
                .bind("user", userId).bind("limit", limit).map((rs, ctx) -> job(rs)).list());
    }

    /** Jobs in {@code state}, oldest first. */
    List<Long> inState(String state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT id FROM import_jobs WHERE state = :state ORDER BY id")
                .bind("state", state).mapTo(Long.class).list());
    }

    /** Moves a job from one of {@code from} to {@code to}; false when it was in none of them. */
    boolean move(long id, List<String> from, String to, String problem) {
        String stamp = switch (to) {
            case "running" -> ", started_at = COALESCE(started_at, :now)";
            case "succeeded", "failed", "canceled" -> ", finished_at = :now";
            default -> "";
        };
        return jdbi.withHandle(h -> h.createUpdate("UPDATE import_jobs SET state = :to, problem = COALESCE(:problem, problem)"
                        + stamp + " WHERE id = :id AND state IN (<from>)")
                .bind("to", to).bind("problem", problem).bind("now", utc(Instant.now())).bind("id", id)
                .bindList("from", from).execute()) == 1;
    }

    void settings(long id, boolean dryRun, String policy, List<String> match, Map<String, String> mapping) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE import_jobs SET dry_run = :dryRun, policy = :policy, match_fields = :match,"
                        + " mapping = :mapping WHERE id = :id").bind("dryRun", dryRun).bind("policy", policy)
                .bind("match", String.join(",", match)).bind("mapping", json(mapping)).bind("id", id).execute());
    }

    /** Adds a batch to the counters, in the batch's transaction; false when the job no longer runs (canceled). */
    static boolean progress(Handle handle, long id, Progress p) {
        return handle.createUpdate(PROGRESS).bind("read", p.read()).bind("imported", p.imported()).bind("updated", p.updated())
                .bind("skipped", p.skipped()).bind("failed", p.failed()).bind("millis", p.millis()).bind("id", id).execute() == 1;
    }

    static void problems(Handle handle, long id, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        var batch = handle.prepareBatch("INSERT INTO import_job_errors (job_id, line, field, problem) VALUES (?, ?, ?, ?)");
        for (Problem p : problems) {
            batch.bind(0, id).bind(1, p.line()).bind(2, p.field()).bind(3, truncate(p.problem(), 1000)).add();
        }
        batch.execute();
    }

    /** Records created ids as ranges of consecutive ids. */
    static void created(Handle handle, long id, List<Long> ids) {
        long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().toArray();
        var batch = handle.prepareBatch("INSERT INTO import_job_created (job_id, first_id, last_id) VALUES (?, ?, ?)");
        int start = 0;
        for (int i = 1; i <= sorted.length; i++) {
            if (i == sorted.length || sorted[i] != sorted[i - 1] + 1) {
                batch.bind(0, id).bind(1, sorted[start]).bind(2, sorted[i - 1]).add();
                start = i;
            }
        }
        if (sorted.length > 0) {
            batch.execute();
        }
    }

    static void updated(Handle handle, long id, long recordId, long changeId) {
        handle.createUpdate("INSERT INTO import_job_updated (job_id, record_id, change_id) VALUES (:job, :record, :change)")
                .bind("job", id).bind("record", recordId).bind("change", changeId).execute();
    }

    List<long[]> createdRanges(long id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT first_id, last_id FROM import_job_created WHERE job_id = :id ORDER BY first_id")
                .bind("id", id).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
    }

    /**
     * The records the job updated ({@code record_id, change_id}), newest change first, a page of
     * {@code limit} at a time: those whose change is older than {@code before}.
     */
    List<long[]> updatedRows(long id, long before, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT record_id, change_id FROM import_job_updated WHERE job_id = :id"
                        + " AND change_id < :before ORDER BY change_id DESC LIMIT :limit")
                .bind("id", id).bind("before", before).bind("limit", limit)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());
    }

    boolean markReverted(long id) {
        return jdbi.withHandle(h -> h.createUpdate("UPDATE import_jobs SET reverted_at = :now WHERE id = :id AND reverted_at IS NULL")
                .bind("now", utc(Instant.now())).bind("id", id).execute()) == 1;
    }

    List<Problem> problems(long id, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT line, field, problem FROM import_job_errors WHERE job_id = :id"
                + " ORDER BY line, id LIMIT :limit").bind("id", id).bind("limit", limit)
                .map((rs, ctx) -> new Problem(rs.getLong(1), rs.getString(2), rs.getString(3))).list());
    }

    /** Every problem of a job in line order, streamed from a cursor. */
    void eachProblem(long id, Consumer<Problem> each) {
        jdbi.useHandle(h -> h.createQuery("SELECT line, field, problem FROM import_job_errors WHERE job_id = :id ORDER BY line, id")
                .bind("id", id).setFetchSize(1000).map((rs, ctx) -> new Problem(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .useStream(rows -> rows.forEach(each)));
    }

    private static Job job(ResultSet rs) throws SQLException {
        String match = rs.getString("match_fields");
        return new Job(rs.getLong("id"), rs.getString("entity"), rs.getString("state"), rs.getBoolean("dry_run"),
                rs.getString("policy"), match.isEmpty() ? List.of() : Arrays.asList(match.split(",")), mapping(rs.getString("mapping")),
                rs.getString("file_name"), rs.getLong("file_bytes"), rs.getLong("user_id"), rs.getLong("rows_read"),
                rs.getLong("rows_imported"), rs.getLong("rows_updated"), rs.getLong("rows_skipped"), rs.getLong("rows_failed"),
                rs.getLong("run_millis"), instant(rs, "reverted_at"), rs.getString("problem"), instant(rs, "created_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static String json(Map<String, String> mapping) {
        try {
            return JSON.writeValueAsString(mapping);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> mapping(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
