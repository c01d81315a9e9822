package io.mosaic.crm.sales.internal;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Reads pipelines and stages inside a write's transaction (the module's own tables). */
final class StageCatalog {
    /** A live stage of a pipeline. */
    record Stage(long id, long pipelineId, String key, int probability, String category) {
        boolean won() {
            return "closed_won".equals(category);
        }

        boolean lost() {
            return "closed_lost".equals(category);
        }

        boolean closed() {
            return won() || lost();
        }
    }

    private static final String COLUMNS = "id, pipeline_id, stage_key, probability, forecast_category";

    private StageCatalog() {}

    static Optional<Long> defaultPipeline(Handle h) {
        return h.createQuery("SELECT id FROM sales_pipelines WHERE is_default AND deleted_at IS NULL ORDER BY id LIMIT 1")
                .mapTo(Long.class).findOne();
    }

    static Optional<Stage> stage(Handle h, long pipelineId, String key) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sales_stages"
                        + " WHERE pipeline_id = :pipeline AND stage_key = :key AND deleted_at IS NULL")
                .bind("pipeline", pipelineId).bind("key", key).map(StageCatalog::map).findOne();
    }

    /** The first stage a new opportunity enters when it names none: the lowest open one. */
    static Optional<Stage> firstOpenStage(Handle h, long pipelineId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM sales_stages WHERE pipeline_id = :pipeline AND deleted_at IS NULL"
                        + " AND forecast_category NOT IN ('closed_won', 'closed_lost') ORDER BY position, id LIMIT 1")
                .bind("pipeline", pipelineId).map(StageCatalog::map).findOne();
    }

    /** Live stages of the pipeline with this forecast category, other than {@code exceptId}. */
    static long stagesInCategory(Handle h, long pipelineId, String category, long exceptId) {
        return h.createQuery("SELECT COUNT(*) FROM sales_stages WHERE pipeline_id = :pipeline AND forecast_category = :category"
                        + " AND deleted_at IS NULL AND id <> :except")
                .bind("pipeline", pipelineId).bind("category", category).bind("except", exceptId).mapTo(Long.class).one();
    }

    /** Live opportunities in a stage of a pipeline ({@code key} null: in any stage of it). */
    static long opportunitiesIn(Handle h, long pipelineId, String key) {
        return h.createQuery("SELECT COUNT(*) FROM sales_opportunities WHERE pipeline_id = :pipeline"
                        + " AND (:key IS NULL OR stage = :key) AND deleted_at IS NULL")
                .bind("pipeline", pipelineId).bind("key", key).mapTo(Long.class).one();
    }

    private static Stage map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx) throws java.sql.SQLException {
        return new Stage(rs.getLong("id"), rs.getLong("pipeline_id"), rs.getString("stage_key"), rs.getInt("probability"),
                rs.getString("forecast_category"));
    }
}
