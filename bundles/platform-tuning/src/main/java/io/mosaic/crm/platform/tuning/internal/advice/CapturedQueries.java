package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.List;

/**
 * Slow statements captured as they ran (platform-db's slow-query log). Internal: published by
 * {@link DbSlowQueryLog} only while platform-db offers the capture.
 */
public interface CapturedQueries {

    /** A captured statement: SQL with placeholders, never values. */
    record Captured(String name, String sql, long millis) {}

    List<Captured> recent();

    long thresholdMillis();
}
