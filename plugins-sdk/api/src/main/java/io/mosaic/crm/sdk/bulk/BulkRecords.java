package io.mosaic.crm.sdk.bulk;

import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The record kit's bulk writes (bundle platform-records). Every rule of a type that a single write
 * applies is applied here too: the declared field checks, reference checks (one query per batch
 * and field), and the type's {@link io.mosaic.crm.sdk.record.RecordHooks} per record —
 * {@code validate} and {@code beforeWrite} before the batch's INSERT, {@code afterWrite} after it,
 * in the same transaction. What differs is announcing: each created record gets its change row
 * (history, audit, revert), written as already posted; the caller posts one event per batch.
 */
@ProviderType
public interface BulkRecords {

    /**
     * The values of one row of text cells (field name → text; an empty cell is no value), parsed by
     * the fields' kinds and checked as a create would be; every problem is added to {@code problems}.
     */
    Values read(RecordType type, Map<String, String> cells, List<FieldProblem> problems);

    /**
     * Creates the records in {@code handle}'s transaction with multi-row INSERTs. A row that a hook,
     * a reference or a unique key refuses is not written: its problems are in the answer.
     */
    Inserted insert(Handle handle, RecordType type, List<Values> rows, long userId);

    /**
     * The ids of live records whose {@code fields} equal each row's values (compared as the
     * database's case-insensitive collation does), keyed by {@link #key}; rows without a match are
     * absent. One query per call.
     */
    Map<List<String>, Long> match(Handle handle, RecordType type, List<String> fields, List<Values> rows);

    /** The key of a row's values of {@code fields} in a {@link #match} answer: their text, lower-cased. */
    static List<String> key(List<String> fields, Values values) {
        List<String> key = new java.util.ArrayList<>(fields.size());
        for (String field : fields) {
            Object value = values.get(field);
            key.add(value == null ? null : value.toString().toLowerCase(java.util.Locale.ROOT));
        }
        return key;
    }

    /** Soft-deletes the records (with their change rows) in {@code handle}'s transaction; answers how many were live. */
    int delete(Handle handle, RecordType type, List<Long> ids, long userId);

    /**
     * Puts back the fields that change {@code changeId} (an update of record {@code id}) changed, as a
     * normal update (hooks, history, events) of the record's current version.
     */
    void restore(RecordType type, long id, long changeId, long userId);

    /** The id of the newest change of a record, to remember which update an import made. */
    long lastChange(Handle handle, RecordType type, long id);

    /**
     * What {@link #insert} did: the new ids in row order ({@code null} for a refused row) and the
     * problems of each refused row by its index.
     */
    record Inserted(List<Long> ids, Map<Integer, List<FieldProblem>> refused) {
        public Inserted {
            ids = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(ids));
            refused = Map.copyOf(refused);
        }
    }
}
