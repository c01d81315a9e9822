package io.mosaic.crm.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The forecast of a month or quarter: per owner, team or forecast category, the amounts closed won,
 * in commit, best case and pipeline, and the weighted open pipeline (Σ amount × probability / 100
 * over the open categories), of the opportunities closing in the period, with the quota and the
 * attainment (closed won ÷ quota). One currency per answer; other currencies are totalled apart,
 * never converted or added. Summed in SQL on the covering index {@code ix_sales_opportunities_forecast};
 * {@code asOf} reads each opportunity's last stage-history row up to that moment instead (owner: the current one).
 */
final class Forecast {
    enum GroupBy { OWNER, TEAM, CATEGORY }

    private static final String CURRENT = """
            SELECT o.owner_id, o.currency, o.forecast_category, o.probability, o.amount
              FROM sales_opportunities o
             WHERE o.deleted_at IS NULL AND o.close_date BETWEEN :from AND :to AND o.amount IS NOT NULL
               AND o.forecast_category <> 'closed_lost' AND (:scope IS NULL OR o.owner_id = :scope)""";

    private static final String AS_OF = """
            SELECT o.owner_id, h.currency, h.forecast_category, h.probability, h.amount
              FROM sales_stage_history h
              JOIN (SELECT opportunity_id, MAX(id) AS id FROM sales_stage_history
                     WHERE changed_at < :asOf GROUP BY opportunity_id) latest ON latest.id = h.id
              JOIN sales_opportunities o ON o.id = h.opportunity_id
             WHERE (o.deleted_at IS NULL OR o.deleted_at >= :asOf) AND o.created_at < :asOf
               AND h.close_date BETWEEN :from AND :to AND h.amount IS NOT NULL
               AND h.forecast_category <> 'closed_lost' AND (:scope IS NULL OR o.owner_id = :scope)""";

    private static final String SUMS = """
            SELECT %s AS group_key, s.currency,
                   SUM(CASE WHEN s.forecast_category = 'closed_won' THEN s.amount ELSE 0 END) AS closed_won,
                   SUM(CASE WHEN s.forecast_category = 'commit' THEN s.amount ELSE 0 END) AS commit_amount,
                   SUM(CASE WHEN s.forecast_category = 'best_case' THEN s.amount ELSE 0 END) AS best_case,
                   SUM(CASE WHEN s.forecast_category = 'pipeline' THEN s.amount ELSE 0 END) AS pipeline,
                   SUM(CASE WHEN s.forecast_category IN ('pipeline', 'best_case', 'commit')
                            THEN s.amount * s.probability ELSE 0 END) AS weighted_percent
              FROM (%s) s %s
             GROUP BY group_key, s.currency""";

    private static final String TEAM_JOIN = "JOIN sales_team_members tm ON tm.user_id = s.owner_id AND tm.deleted_at IS NULL";

    private final Jdbi jdbi;

    Forecast(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A moment in the past to rebuild the forecast for: writes before {@code until} (exclusive, UTC) count. */
    record AsOf(String text, LocalDateTime until) {
        /** {@code 2026-11-15} (the end of that day, UTC) or an instant {@code 2026-11-15T09:30:00Z} (inclusive). */
        static AsOf parse(String text) {
            if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return new AsOf(text, LocalDate.parse(text).plusDays(1).atStartOfDay());
            }
            return new AsOf(text, LocalDateTime.ofInstant(Instant.parse(text).plusNanos(1000), ZoneOffset.UTC));
        }
    }

    /**
     * @param asOf the moment the forecast is rebuilt for, or null for now
     * @param scope the only owner to count (an own-scoped caller), or null for all
     */
    Map<String, Object> compute(Period period, GroupBy groupBy, String currency, AsOf asOf, Long scope) {
        return jdbi.withHandle(h -> {
            String key = switch (groupBy) {
                case OWNER -> "s.owner_id";
                case TEAM -> "tm.team_id";
                case CATEGORY -> "s.forecast_category";
            };
            String sql = SUMS.formatted(key, asOf == null ? CURRENT : AS_OF, groupBy == GroupBy.TEAM ? TEAM_JOIN : "");
            var query = h.createQuery(sql).bind("from", period.first()).bind("to", period.last()).bind("scope", scope);
            if (asOf != null) {
                query.bind("asOf", asOf.until());
            }
            Map<String, Sums> groups = new TreeMap<>(Forecast::byKey);
            Map<String, Sums> others = new TreeMap<>();
            query.map((rs, ctx) -> {
                Sums sums = new Sums(rs.getBigDecimal("closed_won"), rs.getBigDecimal("commit_amount"),
                        rs.getBigDecimal("best_case"), rs.getBigDecimal("pipeline"),
                        rs.getBigDecimal("weighted_percent").movePointLeft(2));
                String rowCurrency = rs.getString("currency");
                String groupKey = rs.getString("group_key");
                if (currency.equals(rowCurrency)) {
                    groups.merge(groupKey, sums, Sums::plus);
                } else {
                    others.merge(rowCurrency, sums, Sums::plus);
                }
                return null;
            }).list();
            if (groupBy != GroupBy.CATEGORY) {
                Quotas.holders(h, groupBy == GroupBy.TEAM, period, currency, scope)
                        .forEach(holder -> groups.putIfAbsent(String.valueOf(holder), Sums.ZERO));
            }
            List<Map<String, Object>> out = new ArrayList<>();
            groups.forEach((groupKey, sums) -> {
                BigDecimal quota = switch (groupBy) {
                    case OWNER -> Quotas.ofUser(h, Long.parseLong(groupKey), period, currency);
                    case TEAM -> Quotas.ofTeam(h, Long.parseLong(groupKey), period, currency);
                    case CATEGORY -> null;
                };
                Map<String, Object> group = new LinkedHashMap<>();
                group.put("key", groupBy == GroupBy.CATEGORY ? groupKey : (Object) Long.parseLong(groupKey));
                group.putAll(sums.json());
                group.put("quota", quota == null ? null : Amounts.text(quota));
                group.put("attainment", quota == null || quota.signum() == 0 ? null
                        : sums.closedWon().divide(quota, 4, RoundingMode.HALF_UP).toPlainString());
                out.add(group);
            });
            List<Map<String, Object>> other = new ArrayList<>();
            others.forEach((otherCurrency, sums) -> {
                Map<String, Object> total = new LinkedHashMap<>();
                total.put("currency", otherCurrency);
                total.putAll(sums.json());
                other.add(total);
            });
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("period", period.text());
            answer.put("currency", currency);
            answer.put("groupBy", groupBy.name().toLowerCase(java.util.Locale.ROOT));
            answer.put("asOf", asOf == null ? null : asOf.text());
            answer.put("groups", out);
            answer.put("otherCurrencies", other);
            return answer;
        });
    }

    private static int byKey(String a, String b) {
        boolean numeric = a.chars().allMatch(Character::isDigit) && b.chars().allMatch(Character::isDigit);
        return numeric ? Long.compare(Long.parseLong(a), Long.parseLong(b)) : a.compareTo(b);
    }

    /** The figures of one group (or currency). */
    record Sums(BigDecimal closedWon, BigDecimal commit, BigDecimal bestCase, BigDecimal pipeline, BigDecimal weighted) {
        static final Sums ZERO = new Sums(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        Sums plus(Sums o) {
            return new Sums(closedWon.add(o.closedWon), commit.add(o.commit), bestCase.add(o.bestCase),
                    pipeline.add(o.pipeline), weighted.add(o.weighted));
        }

        Map<String, Object> json() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("closedWon", Amounts.text(closedWon));
            json.put("commit", Amounts.text(commit));
            json.put("bestCase", Amounts.text(bestCase));
            json.put("pipeline", Amounts.text(pipeline));
            json.put("weighted", Amounts.text(weighted));
            return json;
        }
    }

}
