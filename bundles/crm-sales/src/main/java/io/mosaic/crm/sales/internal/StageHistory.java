package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.record.Record;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/**
 * The stage history of opportunities ({@code sales_stage_history}): one row per write that changed
 * the stage or a forecast figure, in the write's transaction. Rows whose stage did not change keep
 * the figures for the forecast "as of" a date; the stage changes are the rows whose stage did.
 */
final class StageHistory {
    /** The fields whose change writes a history row. */
    static final List<String> TRACKED = List.of("stage", "pipelineId", "amount", "currency", "probability", "closeDate");

    private static final String INSERT = """
            INSERT INTO sales_stage_history (opportunity_id, pipeline_id, from_stage, to_stage, amount, currency,
                                             probability, forecast_category, close_date, user_id, changed_at)
            VALUES (:opportunity, :pipeline, :from, :to, :amount, :currency, :probability, :category, :closeDate, :user, :at)""";

    // the stage changes of one opportunity, oldest first, with the time spent in each stage (until the next change or now)
    private static final String CHANGES = """
            SELECT id, from_stage, to_stage, amount, currency, probability, forecast_category, user_id, changed_at,
                   TIMESTAMPDIFF(SECOND, changed_at, COALESCE(LEAD(changed_at) OVER (ORDER BY id), UTC_TIMESTAMP(6))) AS seconds_in_stage
              FROM sales_stage_history
             WHERE opportunity_id = :opportunity AND (from_stage IS NULL OR from_stage <> to_stage)
             ORDER BY id""";

    private StageHistory() {}

    static void record(Handle h, Record before, Record after, long userId) {
        h.createUpdate(INSERT).bind("opportunity", after.id()).bind("pipeline", (Long) after.get("pipelineId"))
                .bind("from", before == null ? null : before.text("stage")).bind("to", after.text("stage"))
                .bind("amount", (BigDecimal) after.get("amount")).bind("currency", after.text("currency"))
                .bind("probability", (Integer) after.get("probability")).bind("category", after.text("forecastCategory"))
                .bind("closeDate", (LocalDate) after.get("closeDate")).bind("user", userId)
                .bind("at", LocalDateTime.ofInstant(after.updatedAt(), ZoneOffset.UTC)).execute();
    }

    static List<Map<String, Object>> changes(Handle h, long opportunityId) {
        return h.createQuery(CHANGES).bind("opportunity", opportunityId).map((rs, ctx) -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rs.getLong("id"));
            row.put("from", rs.getString("from_stage"));
            row.put("to", rs.getString("to_stage"));
            BigDecimal amount = rs.getBigDecimal("amount");
            row.put("amount", amount == null ? null : Amounts.text(amount));
            row.put("currency", rs.getString("currency"));
            row.put("probability", rs.getInt("probability"));
            row.put("forecastCategory", rs.getString("forecast_category"));
            row.put("userId", rs.getLong("user_id"));
            row.put("at", rs.getObject("changed_at", LocalDateTime.class).toInstant(ZoneOffset.UTC).toString());
            row.put("secondsInStage", rs.getLong("seconds_in_stage"));
            return row;
        }).list();
    }
}
