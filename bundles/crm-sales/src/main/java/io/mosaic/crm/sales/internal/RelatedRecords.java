package io.mosaic.crm.sales.internal;

import io.mosaic.crm.customers.api.CustomerDirectory;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/** Whether the record an activity or the timeline names exists: sales' own tables, or the customers module's API. */
final class RelatedRecords {
    private RelatedRecords() {}

    /** Cases belong to a service module that does not exist yet: they are taken on trust. */
    static boolean exists(Handle h, Supplier<CustomerDirectory> customers, String type, long id) {
        return switch (type) {
            case "lead" -> live(h, "sales_leads", id);
            case "opportunity" -> live(h, "sales_opportunities", id);
            case "account" -> customers.get().accountExists(id);
            case "contact" -> customers.get().contactExists(id);
            default -> true;
        };
    }

    private static boolean live(Handle h, String table, long id) {
        // table is one of two constants above, never input
        return h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).mapTo(Long.class).one() > 0;
    }
}
