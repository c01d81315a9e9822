package io.mosaic.crm.platform.db.internal;

import org.jdbi.v3.core.Jdbi;

/** One-value queries for assertions. */
final class Sql {
    private Sql() {
    }

    static Integer integer(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    static String text(Jdbi jdbi, String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
