package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * The SLA report and CSAT figures, aggregated by MariaDB ({@code GROUP BY}); no row reaches Java
 * but the groups. The group column comes from a fixed list, never from the request text.
 */
final class ServiceReports {
    private static final Map<String, String> SLA_GROUPS = Map.of("priority", "k.priority", "assignee", "k.assignee_id",
            "team", "k.team");
    private static final Map<String, String> CSAT_GROUPS = Map.of("assignee", "s.assignee_id", "team", "s.team",
            "month", "DATE_FORMAT(s.answered_at, '%Y-%m')");

    private ServiceReports() {}

    /** Cases whose clocks started from {@code from} to {@code to} (dates, UTC, inclusive): measured, met, breached and pass rate per clock and group. */
    static Map<String, Object> sla(Jdbi jdbi, Optional<String> from, Optional<String> to, Optional<String> groupBy, Instant now) {
        String group = column(SLA_GROUPS, groupBy.orElse("priority"));
        Instant start = day(from, "from", LocalDate.of(1970, 1, 1));
        Instant end = day(to, "to", LocalDate.of(9998, 12, 31)).plus(java.time.Duration.ofDays(1));
        String sql = """
                SELECT c.clock AS clock, %s AS grp,
                       COUNT(*) AS measured,
                       SUM(c.stopped_at IS NOT NULL AND c.breached_at IS NULL) AS met,
                       SUM(c.breached_at IS NOT NULL OR (c.stopped_at IS NULL AND c.running AND c.due_at <= :now)) AS breached
                  FROM service_case_clocks c JOIN service_cases k ON k.id = c.case_id AND k.deleted_at IS NULL
                 WHERE c.started_at >= :from AND c.started_at < :to
                 GROUP BY c.clock, grp
                 ORDER BY c.clock, grp""".formatted(group);
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(sql).bind("now", CaseClocks.utc(now))
                .bind("from", CaseClocks.utc(start)).bind("to", CaseClocks.utc(end)).map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("clock", rs.getString("clock"));
                    row.put("group", rs.getObject("grp") == null ? null : rs.getObject("grp").toString());
                    long met = rs.getLong("met");
                    long breached = rs.getLong("breached");
                    row.put("measured", rs.getLong("measured"));
                    row.put("met", met);
                    row.put("breached", breached);
                    row.put("passRate", met + breached == 0 ? null
                            : BigDecimal.valueOf(met).divide(BigDecimal.valueOf(met + breached), 4, RoundingMode.HALF_UP));
                    return row;
                }).list());
        return Map.of("groupBy", groupBy.orElse("priority"), "items", rows);
    }

    /** Surveys answered from {@code from} to {@code to} (dates, UTC, inclusive): count, average score and share of 4–5 scores per group. */
    static Map<String, Object> csat(Jdbi jdbi, Optional<String> from, Optional<String> to, Optional<String> groupBy) {
        String group = column(CSAT_GROUPS, groupBy.orElse("month"));
        Instant start = day(from, "from", LocalDate.of(1970, 1, 1));
        Instant end = day(to, "to", LocalDate.of(9998, 12, 31)).plus(java.time.Duration.ofDays(1));
        String sql = """
                SELECT %s AS grp, COUNT(*) AS answers, AVG(s.score) AS average, SUM(s.score >= 4) AS satisfied
                  FROM service_surveys s
                 WHERE s.answered_at >= :from AND s.answered_at < :to
                 GROUP BY grp ORDER BY grp""".formatted(group);
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery(sql).bind("from", CaseClocks.utc(start))
                .bind("to", CaseClocks.utc(end)).map((rs, ctx) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    long count = rs.getLong("answers");
                    row.put("group", rs.getObject("grp") == null ? null : rs.getObject("grp").toString());
                    row.put("count", count);
                    row.put("average", rs.getBigDecimal("average").setScale(2, RoundingMode.HALF_UP));
                    row.put("satisfiedShare", BigDecimal.valueOf(rs.getLong("satisfied"))
                            .divide(BigDecimal.valueOf(count), 4, RoundingMode.HALF_UP));
                    return row;
                }).list());
        return Map.of("groupBy", groupBy.orElse("month"), "items", rows);
    }

    private static String column(Map<String, String> groups, String name) {
        String column = groups.get(name);
        if (column == null) {
            throw new BadRequestException("invalid_parameter", "groupBy must be one of " + String.join(", ",
                    new java.util.TreeSet<>(groups.keySet())));
        }
        return column;
    }

    private static Instant day(Optional<String> text, String name, LocalDate otherwise) {
        try {
            return text.map(LocalDate::parse).orElse(otherwise).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("invalid_parameter", name + " must be a date such as 2026-12-01");
        }
    }
}
