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
        byte[] json = Http.get(ctx.mosaic.baseUrl() + "/api/customers/accounts/" + hot[0], ctx.mosaic.adminAuthorization());
        Path body = Files.write(ctx.workDir.resolve("account.json"), json);
        int connections = ctx.profile.throughputConnections();
        try (BaselineProcess jetty = BaselineProcess.start(ctx.mosaic.home(), ctx.logFile("baseline-json"), "json",
                body.toString())) {
            List<Series> s = ctx.trial(jetty).run(id(),
                    new Trial.Side("mosaic", ctx.mosaicHttp(LoadSpec.Kind.PATHS, paths, connections)),
                    new Trial.Side("jetty", ctx.baselineHttp(jetty, paths, connections)));
            return Verdicts.ratio(this, s.get(0), s.get(1), 0.85, List.of(
                    "100 hot account ids, " + connections + " connections; response " + json.length + " bytes",
                    "the baseline does no authentication; Mosaic checks HTTP Basic (cached verification) and the route's permission"));
        }
    }
}
