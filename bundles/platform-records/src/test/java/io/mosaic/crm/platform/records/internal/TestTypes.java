package io.mosaic.crm.platform.records.internal;

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.UniqueKey;
import io.mosaic.crm.sdk.record.WriteContext;

/** Record types of the tests, on the tables of {@code db/widgets/V1__init.sql}. */
public final class TestTypes {
    public static final RecordType MAKERS = RecordType.builder("test", "Maker", "makers")
            .field(Field.text("name").required().maxLength(100).filter().sort().search())
            .build();

    public static final RecordType WIDGETS = RecordType.builder("test", "Widget", "widgets")
            .field(Field.text("code").required().maxLength(20).filter().sort())
            .field(Field.text("title").maxLength(100).sort().search())
            .field(Field.email("email").search())
            .field(Field.enumeration("colour", "red", "green", "blue").filter())
            .field(Field.money("price", "currency").range(0, null).filter(Field.Filter.RANGE).sort())
            .field(Field.currency("currency"))
            .field(Field.integer("weight").range(1, 1000))
            .field(Field.date("due").filter(Field.Filter.RANGE))
            .field(Field.reference("makerId", "test.makers").filter())
            .field(Field.text("secret").maxLength(50).filter().sort().search().sensitive())
            .unique(UniqueKey.on("live_code", "LOWER(:code)", "code"))
            .defaultSort("code")
            .hooks(new RecordHooks() {
                @Override
                public void validate(WriteContext write) {
                    if ("forbidden".equals(write.values().get("title"))) {
                        write.problem("title", "not_this_one");
                    }
                    if (write.values().get("code", String.class).isBlank()) {   // NPE when code failed its check
                        write.problem("code", "blank");
                    }
                }
            })
            .build();

    private TestTypes() {}
}
