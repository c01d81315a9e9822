package io.mosaic.crm.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Stage-to-stage conversion and time in stage of a pipeline, from the stage history: per stage, how
 * many live opportunities entered it, how many of those moved on to a later stage (by position, the
 * won stage included), how many are won now, and the average time a visit of the stage lasted (until
 * the next stage change, or until now for deals still in it; open stages only).
 */
final class StageReport {
    private static final String SQL = """
            WITH visits AS (
                SELECT h.opportunity_id, h.to_stage, h.changed_at, o.forecast_category AS now_category,
                       LEAD(h.changed_at) OVER (PARTITION BY h.opportunity_id ORDER BY h.id) AS left_at,
                       LEAD(h.to_stage) OVER (PARTITION BY h.opportunity_id ORDER BY h.id) AS next_stage
                  FROM sales_stage_history h
                  JOIN sales_opportunities o ON o.id = h.opportunity_id AND o.deleted_at IS NULL
                 WHERE h.pipeline_id = :pipeline AND (h.from_stage IS NULL OR h.from_stage <> h.to_stage)
                   AND (:scope IS NULL OR o.owner_id = :scope)
            )
            SELECT s.stage_key, s.label, s.position, s.forecast_category,
                   COUNT(DISTINCT v.opportunity_id) AS entered,
                   COUNT(DISTINCT CASE WHEN n.position > s.position THEN v.opportunity_id END) AS moved_on,
                   COUNT(DISTINCT CASE WHEN v.now_category = 'closed_won' THEN v.opportunity_id END) AS won,
                   AVG(TIMESTAMPDIFF(SECOND, v.changed_at, COALESCE(v.left_at, UTC_TIMESTAMP(6)))) AS avg_seconds
              FROM sales_stages s
              LEFT JOIN visits v ON v.to_stage = s.stage_key
              LEFT JOIN sales_stages n ON n.pipeline_id = s.pipeline_id AND n.stage_key = v.next_stage AND n.deleted_at IS NULL
             WHERE s.pipeline_id = :pipeline AND s.deleted_at IS NULL
             GROUP BY s.id, s.stage_key, s.label, s.position, s.forecast_category
             ORDER BY s.position, s.id""";

    private final Jdbi jdbi;

    StageReport(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    List<Map<String, Object>> of(long pipelineId, Long scope) {
        return jdbi.withHandle(h -> h.createQuery(SQL).bind("pipeline", pipelineId).bind("scope", scope).map((rs, ctx) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            long entered = rs.getLong("entered");
            long movedOn = rs.getLong("moved_on");
            long won = rs.getLong("won");
            String category = rs.getString("forecast_category");
            boolean closed = category.equals("closed_won") || category.equals("closed_lost");
            BigDecimal avg = rs.getBigDecimal("avg_seconds");
            row.put("stage", rs.getString("stage_key"));
            row.put("label", rs.getString("label"));
            row.put("forecastCategory", category);
            row.put("entered", entered);
            row.put("movedOn", closed ? null : movedOn);
            row.put("won", won);
            row.put("conversion", closed || entered == 0 ? null : ratio(movedOn, entered));
            row.put("winRate", entered == 0 ? null : ratio(won, entered));
            row.put("avgSecondsInStage", closed || avg == null ? null : avg.setScale(0, RoundingMode.HALF_UP).longValue());
            return row;
        }).list());
    }

    private static String ratio(long part, long whole) {
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).toPlainString();
    }
}
