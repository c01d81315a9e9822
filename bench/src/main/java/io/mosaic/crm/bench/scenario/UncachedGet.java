package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.load.LoadSpec;
import io.mosaic.crm.bench.process.BaselineProcess;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * GET an account by id drawn at random from every account (100,000 distinct ids at most), with Mosaic's accounts
 * cache shrunk live to one entry for the scenario so that reads miss (restored afterwards), against bare Jetty doing
 * a raw JDBC primary-key select through HikariCP on the same database.
 */
public final class UncachedGet implements Scenario {
    @Override
    public String id() {
        return "uncached-get";
    }

    @Override
    public String title() {
        return "Uncached GET account by id vs Jetty + raw JDBC";
    }

    @Override
    public String goal() {
        return ">= 0.80x req/s";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        long[] all = ctx.data().accountIds();
        long[] ids = ctx.dataSet.sample(all, (int) Math.min(100_000, all.length), 2);
        Path paths = ctx.lines("uncached-get.paths",
                Arrays.stream(ids).mapToObj(id -> "/api/customers/accounts/" + id).toList());
        Path password = ctx.workDir.resolve("db-password");
        java.nio.file.Files.writeString(password, ctx.dbPassword());
        String table = ctx.data().loads().get(0).table();
        int connections = ctx.profile.throughputConnections();
        CacheProbe cache = new CacheProbe(ctx, "accounts");
        long heapEntries = cache.heapEntries();
        if (heapEntries > 0) {               // a 1-entry cache: every read of a random id misses (and stores)
            cache.heapEntries(1);
        }
        try (BaselineProcess jdbc = BaselineProcess.start(ctx.mosaic.home(), ctx.logFile("baseline-jdbc"), "jdbc",
                ctx.mosaic.jdbcUrl(), "mosaic", password.toString(), table)) {
            CacheProbe.Counters before = cache.read();
            List<Series> s = ctx.trial(jdbc).run(id(),
                    new Trial.Side("mosaic", ctx.mosaicHttp(LoadSpec.Kind.PATHS, paths, connections)),
                    new Trial.Side("jdbc", ctx.baselineHttp(jdbc, paths, connections)));
            CacheProbe.Counters after = cache.read();
            ctx.log.accept("  accounts cache during the runs: " + after.since(before));
            return Verdicts.ratio(this, s.get(0), s.get(1), 0.80, List.of(
                    ids.length + " random ids over " + all.length + " accounts, " + connections + " connections",
                    heapEntries > 0 ? "accounts cache shrunk live to 1 entry for this scenario (configured: " + heapEntries
                            + "), so reads miss: " + after.since(before)
                            : "accounts cache not configurable here: " + after.since(before),
                    "Mosaic authenticates with " + ctx.authentication() + "; the baseline does no authentication",
                    "baseline: HikariCP pool of 16 (Mosaic's default), SELECT * by primary key, row written with Jackson"));
        } finally {
            java.nio.file.Files.deleteIfExists(password);
            if (heapEntries > 0) {
                cache.heapEntries(heapEntries);
            }
        }
    }
}
