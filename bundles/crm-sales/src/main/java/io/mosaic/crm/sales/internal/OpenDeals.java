package io.mosaic.crm.sales.internal;

import io.mosaic.crm.customers.api.AccountDependants;
import io.mosaic.crm.customers.api.Dependant;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.record.RecordStore;
import java.util.List;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Keeps accounts with open opportunities from being deleted (the customers module's 409 lists
 * them), and deletes those opportunities for {@code ?cascade=true}, in the account delete's
 * transaction and through the opportunities' store (change rows and events).
 */
@Component(service = AccountDependants.class)
public final class OpenDeals implements AccountDependants {
    private static final String OPEN = """
            SELECT id, name FROM sales_opportunities
             WHERE account_id = :account AND forecast_category NOT IN ('closed_won', 'closed_lost') AND deleted_at IS NULL
             ORDER BY id LIMIT :limit""";

    private final Jdbi jdbi;
    private final SalesTypes types;

    @Activate
    public OpenDeals(@Reference Database database, @Reference SalesTypes types) {
        this.jdbi = database.jdbi();
        this.types = types;
    }

    @Override
    public List<Dependant> dependantsOf(long accountId) {
        return open(accountId, 50);
    }

    @Override
    public void cascadeDelete(long accountId, long userId) {
        RecordStore opportunities = types.opportunities();
        List<Dependant> open;
        do {
            open = open(accountId, 500);
            open.forEach(deal -> opportunities.delete(deal.id(), OptionalLong.empty(), userId));
        } while (open.size() == 500);
    }

    private List<Dependant> open(long accountId, int limit) {
        return jdbi.withHandle(h -> h.createQuery(OPEN).bind("account", accountId).bind("limit", limit)
                .map((rs, ctx) -> new Dependant("sales.opportunities", rs.getLong("id"), rs.getString("name"))).list());
    }
}
