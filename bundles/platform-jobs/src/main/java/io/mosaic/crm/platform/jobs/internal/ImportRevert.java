package io.mosaic.crm.platform.jobs.internal;

import io.mosaic.crm.sdk.bulk.BulkRecords;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.CrmException;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reverts a finished import: deletes exactly the records it created (the id ranges it stored, in
 * transactions of {@link #CHUNK} records, soft deletes with their change rows) and puts back the
 * fields of the records it updated from their history (each a normal update, newest first). A
 * record updated again since the import is restored to its pre-import values all the same.
 */
final class ImportRevert {
    static final int CHUNK = 1_000;
    /** Problems listed in the answer at most (a revert of a million updates could fail a million times). */
    static final int MAX_PROBLEMS = 100;

    /** What a revert did. */
    record Reverted(long deleted, long restored, List<String> problems) {}

    private ImportRevert() {}

    static Reverted revert(Job job, RecordType type, JobStore store, Records records, BulkRecords bulk,
            Consumer<List<Long>> announce) {
        if (!job.finished() || job.dryRun()) {
            throw new ConflictException("not_revertible", "only a finished import that was not a dry run can be reverted",
                    List.of());
        }
        if (!store.markReverted(job.id())) {
            throw new ConflictException("already_reverted", "the import was reverted already", List.of());
        }
        long deleted = 0;
        List<Long> chunk = new ArrayList<>(CHUNK);
        for (long[] range : store.createdRanges(job.id())) {
            for (long id = range[0]; id <= range[1]; id++) {
                chunk.add(id);
                if (chunk.size() == CHUNK) {
                    deleted += delete(type, records, bulk, job.userId(), chunk, announce);
                }
            }
        }
        deleted += delete(type, records, bulk, job.userId(), chunk, announce);
        long restored = 0;
        List<String> problems = new ArrayList<>();
        // page by page: an import that updated a million records must not hold them all in memory
        List<long[]> page = store.updatedRows(job.id(), Long.MAX_VALUE, CHUNK);
        while (!page.isEmpty()) {
            for (long[] row : page) {
                try {
                    bulk.restore(type, row[0], row[1], job.userId());
                    restored++;
                } catch (CrmException e) {
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add("record " + row[0] + ": " + e.code() + ": " + e.getMessage());
                    }
                }
            }
            page = page.size() < CHUNK ? List.of() : store.updatedRows(job.id(), page.get(page.size() - 1)[1], CHUNK);
        }
        return new Reverted(deleted, restored, problems);
    }

    private static int delete(RecordType type, Records records, BulkRecords bulk, long userId, List<Long> chunk,
            Consumer<List<Long>> announce) {
        if (chunk.isEmpty()) {
            return 0;
        }
        List<Long> ids = List.copyOf(chunk);
        chunk.clear();
        int deleted = records.inTransaction(h -> bulk.delete(h, type, ids, userId));
        announce.accept(ids);
        return deleted;
    }
}
