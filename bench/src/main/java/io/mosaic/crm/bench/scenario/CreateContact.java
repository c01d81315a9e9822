package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.load.LoadSpec;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code POST /api/customers/contacts} with a unique e-mail (so Mosaic's duplicate check runs and passes) and an
 * existing account (so its reference check runs), against raw JDBC single-row inserts of the same columns into the
 * same table at the same concurrency.
 */
public final class CreateContact implements Scenario {
    @Override
    public String id() {
        return "create-contact";
    }

    @Override
    public String title() {
        return "Create contact (with dedupe check) vs raw JDBC insert";
    }

    @Override
    public String goal() {
        return ">= 0.5x raw JDBC insert rate";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        long[] accounts = ctx.dataSet.sample(ctx.data().accountIds(), 10_000, 4);
        Path accountFile = ctx.idFile("create-contact.accounts", accounts);
        String table = ctx.data().loads().get(1).table();
        int connections = ctx.profile.writeConnections();
        List<Series> s = ctx.trial(null).run(id(),
                new Trial.Side("mosaic", ctx.mosaicHttp(LoadSpec.Kind.CREATE_CONTACT, accountFile, connections)),
                new Trial.Side("jdbc", new JdbcInserts(ctx, ctx.dataSet.contactRows(accounts, ctx.data().ownerIds()), table, connections)));
        return Verdicts.ratio(this, s.get(0), s.get(1), 0.5, List.of(
                connections + " connections (Mosaic) / " + connections + " JDBC threads, one transaction per row",
                "the table grows during the run (both sides insert into the same contacts table)"));
    }
}
