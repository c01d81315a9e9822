package io.mosaic.crm.platform.http.internal.error;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Recognizes a failure to reach the database, anywhere in an exception's causes: HikariCP's
 * "connection is not available" ({@link SQLTransientConnectionException}), Connector/J's broken or
 * refused connections ({@link SQLNonTransientConnectionException}, SQLState class {@code 08}), Jdbi's
 * {@code ConnectionException} around them, and socket errors under an {@link SQLException}. Such a
 * failure is the database's, not the route's: it is answered 503 {@code database_unavailable}.
 */
public final class DatabaseFailures {
    private static final String JDBI_CONNECTION_EXCEPTION = "org.jdbi.v3.core.ConnectionException";
    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {}

    public static boolean isUnavailable(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        boolean underSql = false;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_DEPTH && seen.put(t, true) == null; t = t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException || t.getClass().getName().equals(JDBI_CONNECTION_EXCEPTION)) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && state.startsWith("08")) {
                    return true;
                }
                underSql = true;
            }
            if (underSql && (t instanceof SocketException || t instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }
}
