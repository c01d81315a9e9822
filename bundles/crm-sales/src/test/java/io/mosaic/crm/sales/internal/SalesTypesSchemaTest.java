package io.mosaic.crm.sales.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.testkit.RecordSchema;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sales declarations agree with the migrated tables (every field has its column, every filter,
 * sort and search column leads an index), and the first start seeds the default pipeline.
 */
class SalesTypesSchemaTest {
    private static final List<RecordType> TYPES = List.of(Pipelines.type(() -> null), Stages.TYPE,
            Leads.type(new Sources()), Opportunities.type(new Sources()), OpportunityContacts.TYPE,
            Activities.type(() -> null), Invitees.TYPE, Teams.TEAMS, Teams.MEMBERS, Teams.QUOTAS);
    private static Jdbi jdbi;

    @BeforeAll
    static void migrate() {
        jdbi = SalesDatabase.migrated("sales");
    }

    @Test
    void every_declared_field_and_standard_column_exists() {
        RecordSchema.assertColumns(jdbi, TYPES);
    }

    @Test
    void every_filter_sort_and_search_column_leads_an_index() {
        RecordSchema.assertIndexes(jdbi, TYPES);
    }

    @Test
    void the_first_start_seeds_the_default_pipeline_with_espocrm_probabilities() {
        List<Map<String, Object>> stages = jdbi.withHandle(h -> h.createQuery("""
                SELECT s.stage_key, s.probability, s.forecast_category FROM sales_stages s
                  JOIN sales_pipelines p ON p.id = s.pipeline_id WHERE p.is_default ORDER BY s.position""")
                .mapToMap().list());
        assertThat(stages).extracting(m -> m.get("stage_key"), m -> ((Number) m.get("probability")).intValue())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prospecting", 10),
                        org.assertj.core.groups.Tuple.tuple("qualification", 20),
                        org.assertj.core.groups.Tuple.tuple("proposal", 50),
                        org.assertj.core.groups.Tuple.tuple("negotiation", 80),
                        org.assertj.core.groups.Tuple.tuple("closed_won", 100),
                        org.assertj.core.groups.Tuple.tuple("closed_lost", 0));
        assertThat(stages).extracting(m -> m.get("forecast_category"))
                .containsOnlyOnce("closed_won", "closed_lost");
    }
}
