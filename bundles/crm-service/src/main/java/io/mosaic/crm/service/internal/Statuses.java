package io.mosaic.crm.service.internal;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The statuses and allowed transitions, which are data ({@code service_statuses}, {@code service_transitions}). */
final class Statuses {
    static final String OPEN = "open";
    static final String WAITING = "waiting";
    static final String CLOSED = "closed";

    private Statuses() {}

    /** A status with its category and the statuses that may follow it. */
    record Status(String code, String category, List<String> next) {}

    static Optional<String> category(Handle h, String status) {
        return h.createQuery("SELECT category FROM service_statuses WHERE code = :code").bind("code", status)
                .mapTo(String.class).findOne();
    }

    static List<String> next(Handle h, String from) {
        return h.createQuery("""
                SELECT t.to_status FROM service_transitions t JOIN service_statuses s ON s.code = t.to_status
                 WHERE t.from_status = :from ORDER BY s.position""").bind("from", from).mapTo(String.class).list();
    }

    static List<Status> all(Handle h) {
        return h.createQuery("SELECT code, category FROM service_statuses ORDER BY position")
                .map((rs, ctx) -> new Status(rs.getString("code"), rs.getString("category"), next(h, rs.getString("code"))))
                .list();
    }
}
