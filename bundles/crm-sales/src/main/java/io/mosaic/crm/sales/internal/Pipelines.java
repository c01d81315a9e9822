package io.mosaic.crm.sales.internal;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordStore;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext;
import io.mosaic.crm.sdk.record.WriteContext.Operation;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/**
 * Pipelines ({@code /api/sales/pipelines}): named, ordered sets of stages, which are data
 * ({@link Stages}). A new pipeline gets its won and its lost stage in the same transaction, so every
 * pipeline has exactly one of each; the default pipeline (seeded on the first start) is the one an
 * opportunity without {@code pipelineId} goes to. A pipeline with live opportunities, or the default
 * one, is not deleted (409).
 */
final class Pipelines {
    private Pipelines() {}

    static RecordType type(Supplier<RecordStore> stages) {
        return RecordType.builder("sales", "Pipeline", "pipelines")
                .table("sales_pipelines")
                .field(Field.text("name").required().maxLength(100).filter().sort().search())
                .field(Field.text("description").maxLength(1000))
                .field(Field.bool("isDefault").readOnly().defaultValue(false)
                        .describedAs("the pipeline of opportunities that name none; seeded on the first start"))
                .unique(UniqueKey.on("live_name", "LOWER(TRIM(:name))", "name"))
                .defaultSort("name")
                .hooks(new Rules(stages))
                .build();
    }

    private static final class Rules implements RecordHooks {
        private final Supplier<RecordStore> stages;

        Rules(Supplier<RecordStore> stages) {
            this.stages = stages;
        }

        @Override
        public void validate(WriteContext write) {
            if (write.operation() != Operation.DELETE) {
                return;
            }
            Record pipeline = write.before().orElseThrow();
            if (Boolean.TRUE.equals(pipeline.get("isDefault"))) {
                throw new ConflictException("the default pipeline cannot be deleted");
            }
            long open = StageCatalog.opportunitiesIn(write.handle(), pipeline.id(), null);
            if (open > 0) {
                throw new ConflictException("the pipeline has " + open + " opportunities; move or delete them first");
            }
        }

        @Override
        public void beforeWrite(WriteContext write) {
            if (write.operation() == Operation.DELETE) {
                write.handle().createUpdate("""
                        UPDATE sales_stages SET deleted_at = :now, updated_at = :now, version = version + 1
                         WHERE pipeline_id = :pipeline AND deleted_at IS NULL""")
                        .bind("now", LocalDateTime.now(ZoneOffset.UTC)).bind("pipeline", write.before().orElseThrow().id())
                        .execute();
            }
        }

        @Override
        public void afterWrite(WriteContext write, Record written) {
            if (write.operation() == Operation.CREATE) {
                RecordStore store = stages.get();
                store.create(Values.of("pipelineId", written.id(), "key", "closed_won", "label", "Closed won",
                        "position", 1000, "probability", 100, "forecastCategory", "closed_won", "ownerId", written.ownerId()),
                        write.userId());
                store.create(Values.of("pipelineId", written.id(), "key", "closed_lost", "label", "Closed lost",
                        "position", 1001, "probability", 0, "forecastCategory", "closed_lost", "ownerId", written.ownerId()),
                        write.userId());
            }
        }
    }
}
