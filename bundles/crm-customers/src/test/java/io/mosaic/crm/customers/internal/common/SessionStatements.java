package io.mosaic.crm.customers.internal.common;

import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Counts the statements a piece of work sends to MariaDB (each one a round trip), by running it
 * on one connection and reading that session's {@code Questions} status before and after.
 */
public final class SessionStatements {
    private SessionStatements() {}

    /** How many statements {@code work} sent, given a Jdbi whose every handle uses one connection. */
    public static long of(Jdbi database, Consumer<Jdbi> work) {
        try (Handle session = database.open()) {
            Jdbi oneConnection = Jdbi.create(session.getConnection());
            long first = questions(session);
            long perCount = questions(session) - first; // the SHOW itself
            long before = questions(session);
            work.accept(oneConnection);
            return questions(session) - before - perCount;
        }
    }

    private static long questions(Handle session) {
        return session.createQuery("SHOW SESSION STATUS LIKE 'Questions'").map((rs, ctx) -> rs.getLong(2)).one();
    }
}
