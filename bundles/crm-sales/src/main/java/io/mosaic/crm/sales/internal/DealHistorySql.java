package io.mosaic.crm.sales.internal;

/** The SQL of {@link SalesDealHistory}. */
final class DealHistorySql {
    private DealHistorySql() {}

    private static final String FEATURES = """
            SELECT o.id, o.forecast_category, o.stage, o.last_stage, o.source, o.amount, o.owner_id, o.probability,
                   o.pipeline_id, GREATEST(0, DATEDIFF(o.close_date, DATE(o.created_at))) AS age_days,
                   (SELECT COUNT(*) FROM sales_activities a
                     WHERE a.related_type = 'opportunity' AND a.related_id = o.id AND a.deleted_at IS NULL) AS activities
              FROM sales_opportunities o
             WHERE o.deleted_at IS NULL AND\s""";

    static final String CLOSED = FEATURES + "o.forecast_category IN ('closed_won', 'closed_lost') ORDER BY o.id LIMIT :limit";

    static final String OPEN = FEATURES + "o.forecast_category NOT IN ('closed_won', 'closed_lost') ORDER BY o.id LIMIT :limit";

    static final String OPEN_STAGES = """
            SELECT pipeline_id, stage_key, position FROM sales_stages
             WHERE deleted_at IS NULL AND forecast_category NOT IN ('closed_won', 'closed_lost')
             ORDER BY pipeline_id, position""";

    /** Won deals per account and currency, scored by quintile within the currency, with a segment. */
    private static final String SCORED = """
            WITH won AS (
                SELECT account_id, currency, DATEDIFF(:today, MAX(close_date)) AS recency_days, COUNT(*) AS frequency,
                       SUM(amount) AS monetary
                  FROM sales_opportunities
                 WHERE deleted_at IS NULL AND forecast_category = 'closed_won' AND currency IS NOT NULL AND amount IS NOT NULL
                 GROUP BY account_id, currency),
            scored AS (
                SELECT w.*, NTILE(5) OVER (PARTITION BY currency ORDER BY recency_days DESC, account_id) AS r,
                       NTILE(5) OVER (PARTITION BY currency ORDER BY frequency, account_id) AS f,
                       NTILE(5) OVER (PARTITION BY currency ORDER BY monetary, account_id) AS m
                  FROM won w),
            segmented AS (
                SELECT s.*, CASE WHEN r >= 4 AND f >= 4 THEN 'champions'
                                 WHEN r >= 3 AND f >= 4 THEN 'loyal'
                                 WHEN r >= 4 AND f >= 2 THEN 'potential_loyalists'
                                 WHEN r >= 4 THEN 'new'
                                 WHEN r <= 2 AND f >= 3 THEN 'at_risk'
                                 WHEN r <= 2 THEN 'hibernating'
                                 ELSE 'need_attention' END AS segment
                  FROM scored s)
            """;

    static final String RFM = SCORED + """
            SELECT * FROM segmented WHERE (:segment IS NULL OR segment = :segment)
             ORDER BY monetary DESC, account_id LIMIT :limit""";

    static final String SEGMENTS = SCORED + """
            SELECT currency, segment, COUNT(*) AS accounts, SUM(monetary) AS monetary
              FROM segmented GROUP BY currency, segment ORDER BY currency, segment""";
}
