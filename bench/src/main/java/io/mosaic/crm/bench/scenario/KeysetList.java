package io.mosaic.crm.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.bench.data.Vocabulary;
import io.mosaic.crm.bench.load.LoadSpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/customers/accounts?country=<c>&sort=name&limit=50&after=<cursor>}: a filtered, sorted page
 * inside the result, reached by keyset cursor. The cursors are collected beforehand by walking the first pages of
 * every country. Filter country + sort name is the combination the schema indexes ({@code (country, name, id)}).
 */
public final class KeysetList implements Scenario {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String id() {
        return "list-keyset";
    }

    @Override
    public String title() {
        return "List with filter + sort + keyset page";
    }

    @Override
    public String goal() {
        return "p95 < 15 ms";
    }

    @Override
    public Outcome run(BenchContext ctx) throws Exception {
        String auth = ctx.authorization();
        List<String> paths = new ArrayList<>();
        for (String country : Vocabulary.COUNTRIES) {
            String first = "/api/customers/accounts?country=" + country + "&sort=name&limit=50";
            String next = null;
            for (int page = 0; page < ctx.profile.keysetPages(); page++) {
                String path = next == null ? first : first + "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
                JsonNode json = JSON.readTree(Http.get(ctx.mosaic.baseUrl() + path, auth));
                if (next != null) {
                    paths.add(path);
                }
                if (json.path("next").isNull() || json.path("next").isMissingNode()) {
                    break;
                }
                next = json.path("next").asText();
            }
        }
        if (paths.isEmpty()) {
            throw new IllegalStateException("no second pages: too few accounts per country");
        }
        Path file = ctx.lines("list-keyset.paths", paths);
        int connections = ctx.profile.latencyConnections();
        List<Series> s = ctx.trial(null).run(id(),
                new Trial.Side("mosaic", ctx.mosaicHttp(LoadSpec.Kind.PATHS, file, connections)), null);
        return Verdicts.latency(this, s.get(0), 15.0, List.of(
                paths.size() + " keyset pages (filter country, sort name, 50 per page, up to page "
                        + ctx.profile.keysetPages() + ") over " + ctx.data().accountIds().length + " accounts, "
                        + connections + " connections",
                "sort name is what the (country, name, id) index serves; a filter with another sort needs a filesort"));
    }
}
