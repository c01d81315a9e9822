package io.mosaic.crm.sdk.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record kit 1.1: JSON fields and the default hooks. */
class JsonFieldTest {
    @Test
    void a_json_field_carries_its_schema_and_a_default_length() {
        Field hours = Field.json("hours", Map.of("type", "object"));
        assertThat(hours.kind()).isEqualTo(FieldKind.JSON);
        assertThat(hours.kind().jsonType()).isNull();
        assertThat(hours.kind().isText()).isFalse();
        assertThat(hours.maxLength()).isEqualTo(65_535);
        assertThat(hours.jsonSchema()).containsEntry("type", "object");
        assertThat(Field.text("name").jsonSchema()).isEmpty();
    }

    @Test
    void default_hooks_write_nothing_after_the_row_and_present_the_record_as_is() {
        RecordHooks hooks = new RecordHooks() {};
        Record record = new Record(1, 1, 2, java.time.Instant.EPOCH, java.time.Instant.EPOCH,
                Values.of("tags", List.of("a")), Map.of("tags", FieldKind.JSON));
        Map<String, Object> json = record.toJson();
        assertThat(hooks.present(record, json)).isSameAs(json).containsEntry("tags", List.of("a"));
        hooks.afterWrite(null, record);
    }
}
