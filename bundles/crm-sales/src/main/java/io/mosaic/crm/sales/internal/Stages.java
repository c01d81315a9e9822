package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stages of a pipeline ({@code /api/sales/stages?pipelineId=}): ordered by {@code position}, each
 * with a key (unique in its pipeline, fixed once created), a label, a default probability and a
 * forecast category. A pipeline has exactly one {@code closed_won} and one {@code closed_lost} stage:
 * a second one is refused (422), they cannot be deleted or change category, and a stage that live
 * opportunities are in cannot be deleted (409).
 */
final class Stages {
    static final String[] CATEGORIES = {"pipeline", "best_case", "commit", "closed_won", "closed_lost"};
    private static final Pattern KEY = Pattern.compile("[a-z][a-z0-9_]{0,49}");

    static final RecordType TYPE = RecordType.builder("sales", "Stage", "stages")
            .table("sales_stages")
            .field(Field.reference("pipelineId", "sales.pipelines").required().filter())
            .field(Field.text("key").column("stage_key").required().maxLength(50).normalize(s -> s.toLowerCase(Locale.ROOT))
                    .describedAs("what opportunities name the stage by, e.g. proposal; fixed once created"))
            .field(Field.text("label").required().maxLength(100))
            .field(Field.integer("position").required().range(0, 100_000).sort())
            .field(Field.integer("probability").required().range(0, 100)
                    .describedAs("the default probability (percent) of opportunities entering the stage"))
            .field(Field.enumeration("forecastCategory", CATEGORIES).required().filter())
            .unique(UniqueKey.on("live_key", "CONCAT(:pipelineId, '|', LOWER(:key))", "pipelineId", "key"))
            .defaultSort("position")
            .hooks(new Rules())
            .build();

    private Stages() {}

    private static final class Rules implements RecordHooks {
        @Override
        public void validate(WriteContext write) {
            if (write.operation() == Operation.DELETE) {
                refuseDelete(write);
                return;
            }
            String key = write.values().get("key", String.class);
            if (key != null && !KEY.matcher(key).matches()) {
                write.problem("key", "invalid_key");
            }
            Record before = write.before().orElse(null);
            String category = write.values().get("forecastCategory", String.class);
            Long pipeline = write.values().get("pipelineId", Long.class);
            if (before != null) {
                if (write.changes("pipelineId")) {
                    write.problem("pipelineId", "immutable");
                }
                if (write.changes("key")) {
                    write.problem("key", "immutable");
                }
                if (isClosing((String) before.get("forecastCategory")) && write.changes("forecastCategory")) {
                    write.problem("forecastCategory", "closing_stage_fixed");
                }
            }
            if (pipeline != null && isClosing(category)
                    && (before == null || !Objects.equals(before.get("forecastCategory"), category))
                    && StageCatalog.stagesInCategory(write.handle(), pipeline, category, before == null ? 0 : before.id()) > 0) {
                write.problem("forecastCategory", "one_per_pipeline");
            }
        }

        private static void refuseDelete(WriteContext write) {
            Record stage = write.before().orElseThrow();
            if (isClosing((String) stage.get("forecastCategory"))) {
                throw new ConflictException("a pipeline keeps exactly one won and one lost stage; this one cannot be deleted");
            }
            long inUse = StageCatalog.opportunitiesIn(write.handle(), (Long) stage.get("pipelineId"), stage.text("key"));
            if (inUse > 0) {
                throw new ConflictException("the stage is in use by " + inUse + " opportunities; move them first");
            }
        }

        private static boolean isClosing(String category) {
            return "closed_won".equals(category) || "closed_lost".equals(category);
        }
    }
}
