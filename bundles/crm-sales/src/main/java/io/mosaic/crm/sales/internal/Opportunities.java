package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sales.internal.StageCatalog.Stage;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.util.Optional;

/**
 * Opportunities ({@code /api/sales/opportunities}): a deal with an account (required, live, through
 * the customers module), money, a close date and a stage of a pipeline (the default pipeline when
 * none is named, its first open stage when no stage is). The stage gives the forecast category and,
 * unless the write sets one, the probability (a closed stage always its own: won 100, lost 0).
 * Moving to the lost stage needs a {@code lostReason} and keeps the stage it was lost from in
 * {@code lastStage}. Every write that changes the stage or a figure adds a stage-history row in its
 * transaction ({@link StageHistory}); a stage change is also announced as {@code STAGE_CHANGED}.
 */
final class Opportunities {
    private Opportunities() {}

    static RecordType type(Sources sources) {
        return RecordType.builder("sales", "Opportunity", "opportunities")
                .table("sales_opportunities")
                .label("Opportunity")
                .field(Field.text("name").required().maxLength(200).filter().sort().search())
                .field(Field.reference("accountId", "customers.accounts").required().filter())
                .field(Field.reference("contactId", "customers.contacts").filter().describedAs("the primary contact"))
                .field(Field.money("amount", "currency").range(0, null).filter(Field.Filter.RANGE).sort())
                .field(Field.currency("currency"))
                .field(Field.date("closeDate").required().filter(Field.Filter.RANGE).sort())
                .field(Field.reference("pipelineId", "sales.pipelines").filter()
                        .describedAs("the default pipeline when left out"))
                .field(Field.text("stage").maxLength(50).filter()
                        .describedAs("the key of a stage of the pipeline; its first open stage when left out"))
                .field(Field.integer("probability").range(0, 100)
                        .describedAs("percent; the stage's default unless given"))
                .field(Field.enumeration("forecastCategory", Stages.CATEGORIES).readOnly().filter()
                        .describedAs("the forecast category of the stage"))
                .field(Field.text("source").maxLength(50).filter().describedAs("one of the configured sources"))
                .field(Field.text("nextStep").maxLength(255))
                .field(Field.date("nextStepDate").filter(Field.Filter.RANGE).sort())
                .field(Field.text("lostReason").maxLength(255).describedAs("required when moving to the lost stage"))
                .field(Field.text("lastStage").maxLength(50).readOnly().describedAs("the stage a lost deal was lost from"))
                .field(Field.text("description").maxLength(10_000))
                .defaultSort("closeDate")
                .hooks(new Rules(sources))
                .build();
    }

    private static final class Rules implements RecordHooks {
        private final Sources sources;

        Rules(Sources sources) {
            this.sources = sources;
        }

        @Override
        public void validate(WriteContext write) {
            if (write.operation() == Operation.DELETE) {
                return;
            }
            if (!sources.allows(write.values().get("source", String.class))) {
                write.problem("source", "not_allowed_value");
            }
            Long pipeline = write.values().get("pipelineId", Long.class);
            if (pipeline == null) {
                Optional<Long> fallback = StageCatalog.defaultPipeline(write.handle());
                if (fallback.isEmpty()) {
                    write.problem("pipelineId", "required");
                    return;
                }
                pipeline = fallback.get();
                write.set("pipelineId", pipeline);
            }
            String key = write.values().get("stage", String.class);
            Optional<Stage> found = key == null ? StageCatalog.firstOpenStage(write.handle(), pipeline)
                    : StageCatalog.stage(write.handle(), pipeline, key);
            if (found.isEmpty()) {
                write.problem("stage", key == null ? "required" : "unknown_stage");
                return;
            }
            apply(write, found.get());
        }

        private static void apply(WriteContext write, Stage stage) {
            Record before = write.before().orElse(null);
            boolean moved = before == null || !stage.key().equals(before.text("stage"))
                    || !Long.valueOf(stage.pipelineId()).equals(before.get("pipelineId"));
            write.set("stage", stage.key());
            write.set("forecastCategory", stage.category());
            Integer probability = write.values().get("probability", Integer.class);
            if (stage.closed() || probability == null || (before != null && moved && !write.changes("probability"))) {
                write.set("probability", stage.probability());
            }
            if (stage.lost() && moved) {
                if (write.values().get("lostReason") == null) {
                    write.problem("lostReason", "required");
                }
                write.set("lastStage", before == null ? null : before.text("stage"));
            }
            if (before != null && moved) {
                write.announce(EventKind.STAGE_CHANGED);
            }
        }

        @Override
        public void afterWrite(WriteContext write, Record written) {
            if (write.operation() == Operation.DELETE) {
                return;
            }
            Record before = write.before().orElse(null);
            if (before == null || StageHistory.TRACKED.stream().anyMatch(write::changes)) {
                StageHistory.record(write.handle(), before, written, write.userId());
            }
        }
    }
}
