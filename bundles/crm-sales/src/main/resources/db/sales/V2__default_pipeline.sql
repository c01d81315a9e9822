-- The default pipeline, seeded on the first start (owned by user 1, the initial admin; admins may
-- rename it and change its stages). Probabilities as EspoCRM and Odoo ship them.
INSERT INTO sales_pipelines (name, description, is_default, owner_id, created_at, updated_at)
VALUES ('Sales', 'The default pipeline', TRUE, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

INSERT INTO sales_stages (pipeline_id, stage_key, label, position, probability, forecast_category, owner_id, created_at, updated_at)
SELECT p.id, s.stage_key, s.label, s.position, s.probability, s.forecast_category, 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6)
  FROM sales_pipelines p
  JOIN (SELECT 'prospecting' AS stage_key, 'Prospecting' AS label, 10 AS position, 10 AS probability, 'pipeline' AS forecast_category
        UNION ALL SELECT 'qualification', 'Qualification', 20, 20, 'pipeline'
        UNION ALL SELECT 'proposal', 'Proposal', 30, 50, 'best_case'
        UNION ALL SELECT 'negotiation', 'Negotiation', 40, 80, 'commit'
        UNION ALL SELECT 'closed_won', 'Closed won', 50, 100, 'closed_won'
        UNION ALL SELECT 'closed_lost', 'Closed lost', 60, 0, 'closed_lost') s
 WHERE p.is_default;
