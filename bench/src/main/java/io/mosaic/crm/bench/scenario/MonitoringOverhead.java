package io.mosaic.crm.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.mosaic.crm.bench.load.LoadSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The cost of monitoring: the cached GET-by-id workload with monitoring on against the same with monitoring off, in
 * the same Mosaic process, switched live ({@code PATCH /api/platform/config/io.mosaic.crm.monitoring}
 * {@code {"enabled":false}}: the metric registry is withdrawn and nothing records). The two sides alternate
 * (on off, off on, ...), with more repetitions than usual because the goal (3 %) is finer than the machine's noise.
 */
public final class MonitoringOverhead implements Scenario {
    static final String PID = "io.mosaic.crm.monitoring";
    static final String ROUTE = "/api/customers/accounts/{id}";

    @Override
    public String id() {
        return "monitoring-overhead";
    }

    @Override
    public String title() {
        return "Monitoring on vs off, cached GET account by id";
    }

    @Override
    public String goal() {
        return "<= 3 % cost (>= 0.97x req/s)";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        long[] hot = ctx.dataSet.sample(ctx.data().accountIds(), 100, 1);
        Path paths = ctx.lines("monitoring.paths",
                Arrays.stream(hot).mapToObj(id -> "/api/customers/accounts/" + id).toList());
        String auth = ctx.authorization();
        for (long id : hot) {
            Http.get(ctx.mosaic.baseUrl() + "/api/customers/accounts/" + id, auth);
        }
        int connections = ctx.profile.throughputConnections();
        Workload load = ctx.mosaicHttp(LoadSpec.Kind.PATHS, paths, connections);
        List<String> checks = new ArrayList<>();
        Workload on = (d, label) -> {
            set(ctx, true);
            long before = routeCount(ctx);
            var m = load.measure(d, label);
            long recorded = routeCount(ctx) - before;
            checks.add(String.format(Locale.ROOT, "%.3f", recorded / (double) Math.max(1, m.requests())));
            return m;
        };
        Workload off = (d, label) -> {
            set(ctx, false);
            return load.measure(d, label);
        };
        int repetitions = ctx.profile.fineRepetitions();
        try {
            List<Series> s = new Trial(ctx.profile.withRepetitions(repetitions), ctx.watched(null), ctx.log).run(id(),
                    new Trial.Side("on", on), new Trial.Side("off", off));
            ctx.log.accept("  requests recorded by the route timer / requests sent, per 'on' run: " + checks);
            return Verdicts.pairedRatio(this, s.get(0), s.get(1), 0.97, List.of(
                    "monitoring on / monitoring off, " + repetitions + " interleaved runs each; "
                            + "100 hot account ids (cached), " + connections + " connections",
                    "switched live with PATCH /api/platform/config/" + PID + " {\"enabled\":true|false} before each run "
                            + "whose state differs, confirmed by GET /api/platform/metrics (\"enabled\")",
                    "'on' records per request: route timer (lock-free reservoir), response-class meter, in-flight gauge, "
                            + "cache meters, DB timers on misses; the route timer counted " + String.join(", ", checks)
                            + " of the requests sent in each 'on' run (1.000 = every request recorded)",
                    "Mosaic authenticates with " + ctx.authentication()));
        } finally {
            set(ctx, true);
        }
    }

    /** Switches monitoring and waits (up to 10 s) until the metrics API says it took effect. */
    private static void set(BenchContext ctx, boolean enabled) throws Exception {
        if (enabled(ctx) == enabled) {
            return;
        }
        ctx.configure(PID, Map.of("enabled", enabled));
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (enabled(ctx) != enabled) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("monitoring did not switch to enabled=" + enabled + " within 10 s");
            }
            Thread.sleep(50);
        }
        Thread.sleep(200);   // let every optional dynamic reference follow
    }

    private static boolean enabled(BenchContext ctx) throws Exception {
        return metrics(ctx).path("enabled").asBoolean(false);
    }

    private static JsonNode metrics(BenchContext ctx) throws Exception {
        return Http.getJson(ctx.mosaic.baseUrl() + "/api/platform/metrics", ctx.mosaic.adminAuthorization());
    }

    /** Requests counted so far by the GET-account route timer (0 when monitoring is off or it has none yet). */
    private static long routeCount(BenchContext ctx) throws Exception {
        for (JsonNode t : metrics(ctx).path("timers").path("http.server.requests")) {
            if (ROUTE.equals(t.path("labels").path("route").asText()) && "GET".equals(t.path("labels").path("method").asText())) {
                return t.path("count").asLong();
            }
        }
        return 0;
    }
}
