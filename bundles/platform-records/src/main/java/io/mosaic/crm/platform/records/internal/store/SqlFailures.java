package io.mosaic.crm.platform.records.internal.store;

import java.sql.SQLException;

/** Recognizes the database errors that the store answers specially. */
final class SqlFailures {
    private static final int DUPLICATE_KEY = 1062;
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;

    private SqlFailures() {}

    /** A UNIQUE index refused the row: someone holds the same identifying values. */
    static boolean isDuplicateKey(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && sql.getErrorCode() == DUPLICATE_KEY;
    }

    /** The transaction was rolled back by the server and may simply be run again. */
    static boolean isRetryable(Throwable failure) {
        SQLException sql = sqlCause(failure);
        return sql != null && (sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT
                || "40001".equals(sql.getSQLState()));
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
