package io.mosaic.crm.platform.security.internal;

import java.sql.SQLException;

/** Recognizes MariaDB errors that callers handle as outcomes rather than failures. */
public final class SqlErrors {
    private static final int DUPLICATE_KEY = 1062;

    private SqlErrors() {
    }

    /** Whether {@code e} was caused by a unique key violation. */
    public static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }
}
