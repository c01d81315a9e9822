package io.mosaic.crm.sales.internal;

import io.mosaic.crm.customers.api.AccountDependants;
import io.mosaic.crm.customers.api.Dependant;
import io.mosaic.crm.sdk.db.Database;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Keeps accounts with open opportunities from being deleted: the customers module's 409 lists them. */
@Component(service = AccountDependants.class)
public final class OpenDeals implements AccountDependants {
    private static final String OPEN = """
            SELECT id, name FROM sales_opportunities
             WHERE account_id = :account AND forecast_category NOT IN ('closed_won', 'closed_lost') AND deleted_at IS NULL
             ORDER BY id LIMIT 50""";

    private final Jdbi jdbi;

    @Activate
    public OpenDeals(@Reference Database database, @Reference SalesSchema schema) {
        this.jdbi = database.jdbi();
    }

    @Override
    public List<Dependant> dependantsOf(long accountId) {
        return jdbi.withHandle(h -> h.createQuery(OPEN).bind("account", accountId)
                .map((rs, ctx) -> new Dependant("sales.opportunities", rs.getLong("id"), rs.getString("name"))).list());
    }
}
