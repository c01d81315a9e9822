package io.mosaic.crm.platform.jobs.internal;

import io.mosaic.crm.platform.jobs.internal.JobStore.Problem;
import io.mosaic.crm.platform.jobs.internal.JobStore.Progress;
import io.mosaic.crm.sdk.bulk.BulkRecords;
import io.mosaic.crm.sdk.error.CrmException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.record.Problems;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import io.mosaic.crm.sdk.record.Values;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.IntSupplier;
import org.jdbi.v3.core.Handle;

/**
 * Runs one import job over its spooled CSV file, batch by batch. Each batch is one transaction
 * (through {@link Records#inTransaction}, so that updates through the record store join it)
 * holding its records, their change rows, the job's new counters, its bad rows and what it
 * created — a crash loses the running batch whole and the job resumes after the last committed
 * one. A dry run does the same writes in a transaction it rolls back (so hooks, references and
 * unique keys are checked too) and commits only the counters and bad rows.
 */
final class ImportRun {
    /** What one batch did; the ids it created, to announce. */
    record Outcome(Progress progress, List<Problem> problems, List<Long> created) {}

    /** Thrown to roll a dry run's writes back, carrying what they did. */
    private static final class DryRun extends RuntimeException {
        private final transient Outcome outcome;

        DryRun(Outcome outcome) {
            super("dry run", null, false, false);
            this.outcome = outcome;
        }
    }

    /** The job was canceled while a batch ran: the batch rolls back. */
    static final class Canceled extends RuntimeException {
        Canceled() {
            super("canceled", null, false, false);
        }
    }

    /** Where progress goes as batches commit: live figures and the batch event. */
    interface Listener {
        void committed(Job job, Outcome outcome, long bytesRead);
    }

    private final Job job;
    private final RecordType type;
    private final Records records;
    private final BulkRecords bulk;
    private final IntSupplier batchSize;
    private final Listener listener;
    private final Set<String> mappedFields;

    ImportRun(Job job, RecordType type, Records records, BulkRecords bulk, IntSupplier batchSize, Listener listener) {
        this.job = job;
        this.type = type;
        this.records = records;
        this.bulk = bulk;
        this.batchSize = batchSize;
        this.listener = listener;
        this.mappedFields = new HashSet<>(job.mapping().values());
    }

    /** Runs to the end of the file; throws {@link Canceled} when the job was canceled meanwhile. */
    void run(InputStream file, CountingInput counted) throws IOException {
        try (CsvRows rows = new CsvRows(file)) {
            rows.skip(job.rowsRead());
            List<CsvRows.Row> batch = new ArrayList<>();
            while (rows.hasNext()) {
                batch.add(rows.next());
                if (batch.size() >= batchSize.getAsInt()) {
                    commit(batch, counted.count());
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                commit(batch, counted.count());
            }
        }
    }

    private void commit(List<CsvRows.Row> batch, long bytesRead) {
        long started = System.nanoTime();
        Outcome outcome;
        if (job.dryRun()) {
            try {
                records.inTransaction(h -> {
                    throw new DryRun(write(h, batch, started));
                });
                throw new IllegalStateException("a dry run committed");
            } catch (DryRun dry) {
                outcome = dry.outcome;
            }
            Outcome done = outcome;
            records.inTransaction(h -> save(h, done, timed(done, started)));
        } else {
            outcome = records.inTransaction(h -> {
                Outcome written = write(h, batch, started);
                JobStore.created(h, job.id(), written.created());
                return save(h, written, timed(written, started));
            });
        }
        listener.committed(job, outcome, bytesRead);
    }

    private static Progress timed(Outcome outcome, long started) {
        Progress p = outcome.progress();
        return new Progress(p.read(), p.imported(), p.updated(), p.skipped(), p.failed(), (System.nanoTime() - started) / 1_000_000);
    }

    private Outcome save(Handle handle, Outcome outcome, Progress progress) {
        JobStore.problems(handle, job.id(), outcome.problems());
        if (!JobStore.progress(handle, job.id(), progress)) {
            throw new Canceled();
        }
        return new Outcome(progress, outcome.problems(), outcome.created());
    }

    /** Reads, matches and writes one batch in {@code handle}'s transaction. */
    private Outcome write(Handle handle, List<CsvRows.Row> batch, long started) {
        List<Problem> problems = new ArrayList<>();
        List<Values> good = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<List<FieldProblem>> incomplete = new ArrayList<>();
        Set<Long> failedLines = new HashSet<>();
        boolean updating = job.policy().equals("update") && !job.matchFields().isEmpty();
        for (CsvRows.Row row : batch) {
            if (row.problem() != null) {
                problems.add(new Problem(row.line(), "", row.problem()));
                failedLines.add(row.line());
                continue;
            }
            List<FieldProblem> found = new ArrayList<>();
            Values values = bulk.read(type, fieldCells(row.cells()), found);
            if (found.isEmpty() || updating && onlyUnmappedMissing(found)) {
                good.add(values);   // a row that lacks only unmapped required fields may still update a record
                lines.add(row.line());
                incomplete.add(found);
            } else {
                found.forEach(p -> problems.add(new Problem(row.line(), p.field(), p.problem())));
                failedLines.add(row.line());
            }
        }
        Map<List<String>, Long> existing = job.matchFields().isEmpty() || job.policy().equals("create") ? Map.of()
                : bulk.match(handle, type, job.matchFields(), good);
        List<Values> inserts = new ArrayList<>();
        List<Long> insertLines = new ArrayList<>();
        Set<List<String>> seen = new HashSet<>();
        long skipped = 0;
        long updated = 0;
        for (int i = 0; i < good.size(); i++) {
            Values values = good.get(i);
            long line = lines.get(i);
            List<String> key = job.matchFields().isEmpty() ? null : BulkRecords.key(job.matchFields(), values);
            boolean keyed = key != null && !key.contains(null);
            Long match = keyed ? existing.get(key) : null;
            if (keyed && !job.policy().equals("create") && !seen.add(key)) {
                if (job.policy().equals("skip")) {
                    skipped++;
                } else {
                    problems.add(new Problem(line, String.join(",", job.matchFields()), "duplicate_in_file"));
                    failedLines.add(line);
                }
            } else if (match != null && job.policy().equals("skip")) {
                skipped++;
            } else if (match != null && job.policy().equals("update")) {
                if (update(handle, match, values, line, problems)) {
                    updated++;
                } else {
                    failedLines.add(line);
                }
            } else if (!incomplete.get(i).isEmpty()) {
                incomplete.get(i).forEach(p -> problems.add(new Problem(line, p.field(), p.problem())));
                failedLines.add(line);
            } else {
                inserts.add(values);
                insertLines.add(line);
            }
        }
        BulkRecords.Inserted inserted = bulk.insert(handle, type, inserts, job.userId());
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < inserts.size(); i++) {
            Long id = inserted.ids().get(i);
            if (id != null) {
                created.add(id);
            } else {
                long line = insertLines.get(i);
                inserted.refused().getOrDefault(i, List.of()).forEach(p -> problems.add(new Problem(line,
                        p.field(), p.existingId() == null || job.dryRun() ? p.problem() : p.problem() + ": record " + p.existingId())));
                failedLines.add(line);
            }
        }
        Progress progress = new Progress(batch.size(), created.size(), updated, skipped, failedLines.size(), 0);
        return new Outcome(progress, problems, created);
    }

    /** Updates a matched record with the row's mapped fields, through the record store (hooks, history, events). */
    private boolean update(Handle handle, long id, Values values, long line, List<Problem> problems) {
        RecordStore store = records.store(type);
        try {
            Record current = store.get(id);
            Map<String, Object> patch = new LinkedHashMap<>();
            mappedFields.forEach(field -> patch.put(field, values.get(field)));
            if (patch.entrySet().stream().allMatch(e -> Objects.equals(e.getValue(), current.get(e.getKey()))
                    || e.getKey().equals("ownerId") && Objects.equals(e.getValue(), current.ownerId()))) {
                return true; // nothing changes: no new version, nothing to revert
            }
            store.update(id, current.version(), Values.of(patch), job.userId());
            JobStore.updated(handle, job.id(), id, bulk.lastChange(handle, type, id));
            return true;
        } catch (CrmException e) {
            if (e.details().isEmpty()) {
                problems.add(new Problem(line, "", e.code() + ": " + e.getMessage()));
            } else {
                e.details().forEach(p -> problems.add(new Problem(line, p.field(), p.problem())));
            }
            return false;
        }
    }

    private boolean onlyUnmappedMissing(List<FieldProblem> found) {
        return found.stream().allMatch(p -> p.problem().equals(Problems.REQUIRED) && !mappedFields.contains(p.field()));
    }

    /** The row's cells by field name, as the mapping says; unmapped columns are ignored. */
    private Map<String, String> fieldCells(Map<String, String> cells) {
        Map<String, String> out = new LinkedHashMap<>();
        job.mapping().forEach((header, field) -> out.put(field, cells.get(header)));
        return out;
    }
}
