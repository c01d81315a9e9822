package io.mosaic.crm.platform.records.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.records.internal.TestStores;
import io.mosaic.crm.platform.records.internal.store.SqlRecordStore;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Record kit 1.1: JSON fields keep their structure; afterWrite sees the written row in its transaction. */
class JsonFieldAndAfterWriteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final RecordType SHEETS = RecordType.builder("test", "Sheet", "sheets")
            .field(Field.text("name").required().maxLength(100))
            .field(Field.json("layout", Map.of("type", "object")).maxLength(200))
            .hooks(new RecordHooks() {
                @Override
                public void afterWrite(WriteContext write, Record written) {
                    if ("explode".equals(written.text("name"))) {
                        throw new IllegalStateException("side table refused");
                    }
                    write.handle().createUpdate("INSERT INTO sheet_log (sheet_id, version) VALUES (:id, :version)")
                            .bind("id", written.id()).bind("version", written.version()).execute();
                }

                @Override
                public Map<String, Object> present(Record record, Map<String, Object> json) {
                    json.put("columns", ((List<?>) ((Map<?, ?>) record.get("layout")).get("columns")).size());
                    return json;
                }
            })
            .build();
    private static TestStores stores;
    private static SqlRecordStore sheets;

    @BeforeAll
    static void database() {
        stores = new TestStores();
        sheets = stores.store(SHEETS);
    }

    @Test
    void a_json_field_keeps_its_structure_through_store_and_read() throws Exception {
        Values values = ValuesReader.read(SHEETS, JSON.readTree(
                "{\"name\":\"Plan\",\"layout\":{\"columns\":[[\"09:00\",\"17:00\"],{\"w\":1.5}],\"fixed\":true}}"));
        Record created = sheets.create(values, 7);

        Record read = sheets.get(created.id());
        assertThat(read.get("layout")).isEqualTo(Map.of("columns", List.of(List.of("09:00", "17:00"),
                Map.of("w", new BigDecimal("1.5"))), "fixed", true));
        assertThat(read).isEqualTo(created);
        assertThat(SHEETS.hooks().present(read, read.toJson())).containsEntry("columns", 2);
    }

    @Test
    void a_json_field_refuses_scalars_and_overlong_values() throws Exception {
        assertThatThrownBy(() -> ValuesReader.read(SHEETS, JSON.readTree("{\"name\":\"x\",\"layout\":\"{}\"}")))
                .isInstanceOf(ValidationException.class);
        Values tooLong = ValuesReader.read(SHEETS, JSON.readTree("{\"name\":\"x\",\"layout\":{\"columns\":[\""
                + "x".repeat(250) + "\"]}}"));
        assertThatThrownBy(() -> sheets.create(tooLong, 7)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.details()).extracting(p -> p.problem()).containsExactly("too_long"));
    }

    @Test
    void after_write_runs_in_the_transaction_with_the_new_id_and_a_failure_rolls_back() {
        Record created = sheets.create(Values.of("name", "Logged", "layout", Map.of("columns", List.of())), 7);
        sheets.update(created.id(), 1, Values.of("name", "Logged again"), 7);
        List<Integer> logged = stores.jdbi.withHandle(h -> h.createQuery(
                "SELECT version FROM sheet_log WHERE sheet_id = :id ORDER BY version").bind("id", created.id())
                .mapTo(Integer.class).list());
        assertThat(logged).containsExactly(1, 2);

        assertThatThrownBy(() -> sheets.create(Values.of("name", "explode"), 7)).isInstanceOf(IllegalStateException.class);
        long exploded = stores.jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM sheets WHERE name = 'explode'")
                .mapTo(Long.class).one());
        assertThat(exploded).isZero();
    }
}
