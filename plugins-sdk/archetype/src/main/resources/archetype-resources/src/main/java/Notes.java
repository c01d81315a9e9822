package ${package};

import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.WriteContext;
import java.util.function.IntSupplier;

/**
 * Notes, declared with the record kit: /api/${moduleId}/notes with create, get, list (sort, filter,
 * search, keyset paging), patch with If-Match, soft delete, export and history, plus validation,
 * events and OpenAPI, are all derived from this declaration. The one rule written by hand: notes
 * may not be longer than the live setting maxNoteLength.
 */
final class Notes {
    private Notes() {}

    static RecordType type(IntSupplier maxLength) {
        return RecordType.builder("${moduleId}", "Note", "notes")
                .table("${moduleId}_notes")
                .field(Field.text("text").required().maxLength(500).search())
                .defaultSort("-createdAt")
                .hooks(new RecordHooks() {
                    @Override
                    public void validate(WriteContext write) {
                        String text = write.values().get("text", String.class);
                        if (text != null && text.codePointCount(0, text.length()) > maxLength.getAsInt()) {
                            write.problem("text", "too_long");
                        }
                    }
                })
                .build();
    }
}
