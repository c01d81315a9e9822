package io.mosaic.crm.bench.data;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generated records of one entity. {@link #row} is a pure function of the seed and the row number, so a run is
 * reproducible and resumable at any row, independent of batch boundaries.
 *
 * <p>To add an entity (leads, opportunities, cases, ...): implement this for its table, give it the ids of the
 * records it refers to, and add it to {@link DataSet}.
 */
public interface RowSource {

    /** Short name used in reports: {@code accounts}. */
    String entity();

    /** Table names to look for, in order (the first that exists is filled). */
    List<String> tableNames();

    /** Every column this source can fill ({@code id} is filled by the inserter when the table does not assign it). */
    Set<String> columns();

    /** Values of row {@code n} (0-based) by column name; the table may use only some of them. */
    Map<String, Object> row(long n);
}
