package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds slow SELECTs and the index that would serve them. Sources, in order: platform-db's slow-query
 * log (statements captured as they ran), else MariaDB's statement digests ({@code performance_schema},
 * when the server runs with it), else the statements running longer than the threshold right now
 * ({@code information_schema.PROCESSLIST}). Literals and named parameters are replaced by
 * placeholders before anything is explained or shown, so no parameter value leaves.
 */
public final class SlowQueries {
    private static final Logger LOG = LoggerFactory.getLogger(SlowQueries.class);
    private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![A-Za-z0-9_`.])-?\\d+(?:\\.\\d+)?(?![A-Za-z0-9_`])");

    /** Advice found and what could not be looked at. */
    public record Report(List<Advice> advice, List<String> notes) {}

    private record Statement(String sql, String source, double meanMillis, long count) {}

    private static final Pattern NAMED = Pattern.compile("(?<![:A-Za-z0-9_]):[A-Za-z_][A-Za-z0-9_]*");

    private final Jdbi jdbi;
    private final LongSupplier thresholdMillis;
    private final Supplier<Optional<CapturedQueries>> captured;

    public SlowQueries(Jdbi jdbi, LongSupplier thresholdMillis, Supplier<Optional<CapturedQueries>> captured) {
        this.jdbi = jdbi;
        this.thresholdMillis = thresholdMillis;
        this.captured = captured;
    }

    public Report find() {
        List<Advice> advice = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        Optional<CapturedQueries> log = captured.get();
        long threshold = log.map(CapturedQueries::thresholdMillis).orElse(thresholdMillis.getAsLong());
        if (log.isPresent() && threshold == 0) {
            notes.add("platform-db's slow-query log is off (io.mosaic.crm.db slowQueryMillis = 0): no slow-query advice.");
            return new Report(advice, notes);
        }
        try (Handle h = jdbi.open()) {
            boolean digests = log.isEmpty() && h.createQuery("SELECT @@performance_schema").mapTo(Integer.class).one() == 1;
            List<Statement> slow = log.isPresent() ? fromLog(log.get()) : digests ? fromDigests(h, threshold) : running(h, threshold);
            if (log.isEmpty() && !digests) {
                notes.add("performance_schema is off: slow queries are those running ≥ " + threshold
                        + " ms at the moment of the advice (information_schema.PROCESSLIST); start MariaDB with "
                        + "--performance-schema=ON for statement history.");
            }
            for (Statement s : slow) {
                advice.add(explain(h, s, threshold));
            }
        } catch (RuntimeException e) {
            LOG.debug("slow query lookup failed", e);
            notes.add("slow queries not examined: " + e.getMessage());
        }
        return new Report(advice, notes);
    }

    /** The statement with its string and number literals and its named parameters replaced by {@code ?}. */
    static String normalize(String sql) {
        String noStrings = STRING.matcher(sql).replaceAll("?");
        String noNames = NAMED.matcher(noStrings).replaceAll("?");
        return NUMBER.matcher(noNames).replaceAll("?").replaceAll("\\s+", " ").trim();
    }

    /** The captured SELECTs grouped by their text, the most total time first. */
    private static List<Statement> fromLog(CapturedQueries log) {
        Map<String, long[]> bySql = new LinkedHashMap<>();
        for (CapturedQueries.Captured q : log.recent()) {
            String sql = normalize(q.sql());
            if (IndexHint.isSelect(sql)) {
                long[] totals = bySql.computeIfAbsent(sql, k -> new long[2]);
                totals[0] += q.millis();
                totals[1]++;
            }
        }
        return bySql.entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0]))
                .limit(5)
                .map(e -> new Statement(e.getKey(), "platform-db slow-query log", (double) e.getValue()[0] / e.getValue()[1],
                        e.getValue()[1]))
                .toList();
    }

    private static List<Statement> fromDigests(Handle h, long threshold) {
        return h.createQuery("""
                        SELECT DIGEST_TEXT, AVG_TIMER_WAIT / 1000000000 AS mean_ms, COUNT_STAR
                          FROM performance_schema.events_statements_summary_by_digest
                         WHERE AVG_TIMER_WAIT / 1000000000 >= :threshold AND DIGEST_TEXT LIKE 'SELECT%'
                         ORDER BY SUM_TIMER_WAIT DESC LIMIT 5""")
                .bind("threshold", threshold)
                .map((rs, ctx) -> new Statement(normalize(rs.getString(1)), "performance_schema digest", rs.getDouble(2), rs.getLong(3)))
                .list();
    }

    private static List<Statement> running(Handle h, long threshold) {
        return h.createQuery("""
                        SELECT INFO, TIME_MS FROM information_schema.PROCESSLIST
                         WHERE COMMAND = 'Query' AND TIME_MS >= :threshold AND ID <> CONNECTION_ID()
                           AND INFO IS NOT NULL
                         ORDER BY TIME_MS DESC LIMIT 20""")
                .bind("threshold", threshold)
                .map((rs, ctx) -> new Statement(normalize(rs.getString(1)), "running now", rs.getDouble(2), 1))
                .list().stream().filter(s -> IndexHint.isSelect(s.sql()))
                .collect(java.util.stream.Collectors.toMap(Statement::sql, s -> s, (a, b) -> a, LinkedHashMap::new))
                .values().stream().limit(5).toList();
    }

    private static Advice explain(Handle h, Statement s, long threshold) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("sql", s.sql());
        evidence.put("source", s.source());
        evidence.put("meanMillis", Window.round1(s.meanMillis()));
        evidence.put("executions", s.count());
        evidence.put("thresholdMillis", threshold);
        String id = "db.slow." + Integer.toHexString(s.sql().toLowerCase(Locale.ROOT).hashCode());
        try {
            IndexHint.Plan plan = IndexHint.explain(h.getConnection(), s.sql());
            evidence.put("explain", plan.access());
            if (!plan.readsTables()) {
                return new Advice(id, "info", null, null, "no index can help",
                        String.format(Locale.ROOT, "%s takes %.0f ms but reads no table (EXPLAIN: no tables used); "
                                + "its time is spent in functions or waiting, not in finding rows.", s.sql(), s.meanMillis()),
                        evidence);
            }
            if (plan.createIndex().isPresent()) {
                return new Advice(id, "warning", null, null, plan.createIndex().get(),
                        String.format(Locale.ROOT, "%s takes %.0f ms and EXPLAIN shows a full table scan (%s); an index "
                                + "on the compared and sorted columns would serve it.", s.sql(), s.meanMillis(),
                                String.join("; ", plan.access())), evidence);
            }
            return new Advice(id, "info", null, null, "review the query",
                    String.format(Locale.ROOT, "%s takes %.0f ms; EXPLAIN: %s.", s.sql(), s.meanMillis(),
                            String.join("; ", plan.access())), evidence);
        } catch (Exception e) {
            evidence.put("explainError", e.getMessage());
            return new Advice(id, "info", null, null, "review the query",
                    String.format(Locale.ROOT, "%s takes %.0f ms; EXPLAIN failed: %s", s.sql(), s.meanMillis(), e.getMessage()),
                    evidence);
        }
    }
}
