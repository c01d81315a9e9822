package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.load.LoadSpec;
import io.mosaic.crm.bench.process.BaselineProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * GET an account by id from a hot set of 100 accounts (cache-friendly: any cache holds them, and MariaDB's buffer
 * pool does anyway) against a bare Jetty handler that answers the same account's JSON without any work.
 */
public final class CachedGet implements Scenario {
    @Override
    public String id() {
        return "cached-get";
    }

    @Override
    public String title() {
        return "Cached GET account by id vs bare Jetty JSON";
    }

    @Override
    public String goal() {
        return ">= 0.85x req/s";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        long[] hot = ctx.dataSet.sample(ctx.data().accountIds(), 100, 1);
        Path paths = ctx.lines("cached-get.paths",
                Arrays.stream(hot).mapToObj(id -> "/api/customers/accounts/" + id).toList());
        String auth = ctx.authorization();
        byte[] json = Http.get(ctx.mosaic.baseUrl() + "/api/customers/accounts/" + hot[0], auth);
        for (long id : hot) {                                   // warm the cache: every hot id read once
            Http.get(ctx.mosaic.baseUrl() + "/api/customers/accounts/" + id, auth);
        }
        Path body = Files.write(ctx.workDir.resolve("account.json"), json);
        int connections = ctx.profile.throughputConnections();
        CacheProbe cache = new CacheProbe(ctx, "accounts");
        try (BaselineProcess jetty = BaselineProcess.start(ctx.mosaic.home(), ctx.logFile("baseline-json"), "json",
                body.toString())) {
            CacheProbe.Counters before = cache.read();
            List<Series> s = ctx.trial(jetty).run(id(),
                    new Trial.Side("mosaic", ctx.mosaicHttp(LoadSpec.Kind.PATHS, paths, connections)),
                    new Trial.Side("jetty", ctx.baselineHttp(jetty, paths, connections)));
            CacheProbe.Counters after = cache.read();
            ctx.log.accept("  accounts cache during the runs: " + after.since(before));
            return Verdicts.ratio(this, s.get(0), s.get(1), 0.85, List.of(
                    "100 hot account ids (each read once before the warm-up), " + connections
                            + " connections; response " + json.length + " bytes",
                    "accounts cache during warm-up and runs: " + after.since(before),
                    "the baseline does no authentication; Mosaic authenticates with " + ctx.authentication()
                            + " and checks the route's permission"));
        }
    }
}
