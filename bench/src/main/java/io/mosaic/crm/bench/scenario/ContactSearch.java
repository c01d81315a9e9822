package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.data.RowSource;
import io.mosaic.crm.bench.load.LoadSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code GET /api/customers/contacts?q=<prefix>}: prefixes of 3 to 6 characters of real generated last names,
 * first names and e-mails (what a person types into a search box), at modest concurrency so p95 is latency, not
 * queueing.
 */
public final class ContactSearch implements Scenario {
    @Override
    public String id() {
        return "contact-search";
    }

    @Override
    public String title() {
        return "Contact search q= prefix on name/email";
    }

    @Override
    public String goal() {
        return "p95 < 10 ms";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        RowSource contacts = ctx.dataSet.contactRows(new long[0], new long[] {1});
        SplittableRandom r = new SplittableRandom(ctx.dataSet.seed() + 3);
        List<String> paths = new ArrayList<>();
        long rows = ctx.data().contactIds().length;
        for (int i = 0; i < 2000; i++) {
            Map<String, Object> row = contacts.row(r.nextLong(Math.max(1, rows)));
            int field = r.nextInt(10);
            String value = (String) row.get(field < 5 ? "last_name" : field < 8 ? "first_name" : "email");
            String prefix = value.substring(0, Math.min(value.length(), 3 + r.nextInt(4)));
            paths.add("/api/customers/contacts?q=" + URLEncoder.encode(prefix, StandardCharsets.UTF_8));
        }
        Path file = ctx.lines("contact-search.paths", paths);
        Http.get(ctx.mosaic.baseUrl() + paths.get(0), ctx.authorization());
        int connections = ctx.profile.latencyConnections();
        List<Series> s = ctx.trial(null).run(id(),
                new Trial.Side("mosaic", ctx.mosaicHttp(LoadSpec.Kind.PATHS, file, connections)), null);
        return Verdicts.latency(this, s.get(0), 10.0, List.of(
                "2,000 distinct prefixes (3-6 chars) over " + rows + " contacts, default page size, "
                        + connections + " connections"));
    }
}
