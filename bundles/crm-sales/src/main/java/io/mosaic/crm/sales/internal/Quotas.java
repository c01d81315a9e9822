package io.mosaic.crm.sales.internal;

import java.math.BigDecimal;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * The quota of a user or a team for a period, in one currency: the explicit one of that period;
 * for a quarter without one, the sum of its months' quotas; for a team without either, the sum of
 * its members' quotas. Null when there is none.
 */
final class Quotas {
    private static final String EXPLICIT = """
            SELECT SUM(amount) FROM sales_quotas
             WHERE %s = :holder AND period IN (<periods>) AND currency = :currency AND deleted_at IS NULL""";

    private static final String HOLDERS = """
            SELECT DISTINCT %s FROM sales_quotas
             WHERE %s IS NOT NULL AND period IN (<periods>) AND currency = :currency AND deleted_at IS NULL
               AND (:scope IS NULL OR user_id = :scope)""";

    private Quotas() {}

    static BigDecimal ofUser(Handle h, long userId, Period period, String currency) {
        return own(h, "user_id", userId, period, currency);
    }

    static BigDecimal ofTeam(Handle h, long teamId, Period period, String currency) {
        BigDecimal own = own(h, "team_id", teamId, period, currency);
        if (own != null) {
            return own;
        }
        List<Long> members = h.createQuery("SELECT user_id FROM sales_team_members WHERE team_id = :team AND deleted_at IS NULL")
                .bind("team", teamId).mapTo(Long.class).list();
        BigDecimal sum = null;
        for (long member : members) {
            BigDecimal quota = ofUser(h, member, period, currency);
            if (quota != null) {
                sum = sum == null ? quota : sum.add(quota);
            }
        }
        return sum;
    }

    /** Users (or teams) with a quota in the period, so that they appear in the forecast without any deal. */
    static List<Long> holders(Handle h, boolean teams, Period period, String currency, Long scope) {
        String column = teams ? "team_id" : "user_id";
        if (teams && scope != null) {
            return List.of();
        }
        return h.createQuery(HOLDERS.formatted(column, column)).bindList("periods", periods(period))
                .bind("currency", currency).bind("scope", scope).mapTo(Long.class).list();
    }

    private static BigDecimal own(Handle h, String column, long holder, Period period, String currency) {
        BigDecimal explicit = sum(h, column, holder, List.of(period.text()), currency);
        if (explicit != null || !period.quarter()) {
            return explicit;
        }
        return sum(h, column, holder, period.months(), currency);
    }

    private static BigDecimal sum(Handle h, String column, long holder, List<String> periods, String currency) {
        return h.createQuery(EXPLICIT.formatted(column)).bind("holder", holder).bindList("periods", periods)
                .bind("currency", currency).mapTo(BigDecimal.class).one();
    }

    private static List<String> periods(Period period) {
        return period.quarter() ? List.of(period.text(), period.months().get(0), period.months().get(1), period.months().get(2))
                : List.of(period.text());
    }
}
