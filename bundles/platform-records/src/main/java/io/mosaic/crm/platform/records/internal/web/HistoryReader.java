package io.mosaic.crm.platform.records.internal.web;

import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.List;

/** Reads a record's changes, newest first, with ids below {@code before}. */
@FunctionalInterface
public interface HistoryReader {
    List<Change> history(RecordType type, long recordId, long before, int limit);
}
