package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.WriteContext;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Knowledge-base articles, {@code /api/service/articles}: Markdown (stored as written, shown also
 * as HTML with raw HTML escaped and unsafe link schemes removed), a status
 * {@code draft → in_review → published → archived}, tags and linked cases. Published articles are
 * searched with MariaDB FULLTEXT, best match first.
 */
final class Articles {
    static final int MAX_TAGS = 20;
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    static final RecordType TYPE = RecordType.builder("service", "Article", "articles")
            .table("service_articles")
            .field(Field.text("title").required().maxLength(200).sort().search())
            .field(Field.text("body").required().maxLength(100_000).describedAs("Markdown; shown rendered as html"))
            .field(Field.enumeration("status", "draft", "in_review", "published", "archived").required()
                    .defaultValue("draft").filter())
            .field(Field.json("tags", Map.of("type", List.of("array", "null"), "maxItems", MAX_TAGS,
                    "items", Map.of("type", "string", "maxLength", 50))).maxLength(2_000))
            .field(Field.json("caseIds", Map.of("type", List.of("array", "null"), "maxItems", 100,
                    "items", Map.of("type", "integer", "format", "int64"), "description", "linked cases"))
                    .column("case_ids").maxLength(3_000))
            .defaultSort("title")
            .hooks(new Rules())
            .build();

    private Articles() {}

    static String html(String markdown) {
        return HTML.render(MARKDOWN.parse(markdown == null ? "" : markdown));
    }

    /** Published articles matching {@code text}, best first: {@code id}, {@code title}, {@code score}. */
    static List<Map<String, Object>> search(Jdbi jdbi, String text, int limit) {
        // InnoDB parses operators such as a lone * even in natural language mode (a syntax error), and a NUL
        // breaks the statement: only letters and digits make words, so only they are searched for
        String query = text == null ? "" : text.replaceAll("[^\\p{L}\\p{N}\\p{M}]+", " ").strip();
        if (query.isEmpty()) {
            return List.of();
        }
        String bounded = query.length() > 500 ? query.substring(0, 500) : query;
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT id, title, MATCH (title, body) AGAINST (:q IN NATURAL LANGUAGE MODE) AS score
                  FROM service_articles
                 WHERE deleted_at IS NULL AND status = 'published'
                   AND MATCH (title, body) AGAINST (:q IN NATURAL LANGUAGE MODE)
                 ORDER BY score DESC, id
                 LIMIT :limit""").bind("q", bounded).bind("limit", limit).map((rs, ctx) -> {
                    Map<String, Object> hit = new LinkedHashMap<>();
                    hit.put("id", rs.getLong("id"));
                    hit.put("title", rs.getString("title"));
                    hit.put("score", rs.getDouble("score"));
                    return hit;
                }).list());
    }

    static final class Rules implements RecordHooks {
        private static final Map<String, Set<String>> NEXT = Map.of(
                "draft", Set.of("in_review", "archived"),
                "in_review", Set.of("draft", "published", "archived"),
                "published", Set.of("archived", "draft"),
                "archived", Set.of("draft"));

        @Override
        public void validate(WriteContext write) {
            if (write.operation() == WriteContext.Operation.DELETE) {
                return;
            }
            // an emptied status is already refused as required (List.of(...).contains(null) would throw)
            if (write.operation() == WriteContext.Operation.UPDATE && write.changes("status")
                    && write.values().get("status") != null) {
                String from = write.before().orElseThrow().text("status");
                if (!NEXT.get(from).contains(write.values().get("status", String.class))) {
                    write.problem("status", "transition_not_allowed");
                }
            }
            Object tags = write.values().get("tags");
            if (tags != null && !(tags instanceof List<?> list && list.size() <= MAX_TAGS
                    && list.stream().allMatch(t -> t instanceof String s && !s.isBlank() && s.length() <= 50)
                    && new HashSet<>(list).size() == list.size())) {
                write.problem("tags", "invalid_tags");
            }
            Object cases = write.values().get("caseIds");
            if (cases != null && write.changes("caseIds") && !liveCases(write.handle(), cases)) {
                write.problem("caseIds", "unknown_reference");
            }
        }

        private static boolean liveCases(Handle h, Object value) {
            if (!(value instanceof List<?> list) || list.size() > 100) {
                return false;
            }
            Set<Long> ids = new HashSet<>();
            for (Object item : list) {
                if (!(item instanceof Integer || item instanceof Long) || ((Number) item).longValue() <= 0) {
                    return false;
                }
                ids.add(((Number) item).longValue());
            }
            return ids.isEmpty() || h.createQuery("SELECT COUNT(*) FROM service_cases WHERE id IN (<ids>) AND deleted_at IS NULL")
                    .bindList("ids", List.copyOf(ids)).mapTo(Long.class).one() == ids.size();
        }

        @Override
        public Map<String, Object> present(Record record, Map<String, Object> json) {
            json.put("html", html(record.text("body")));
            return json;
        }
    }
}
