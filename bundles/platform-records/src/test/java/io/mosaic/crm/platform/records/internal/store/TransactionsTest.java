package io.mosaic.crm.platform.records.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.records.internal.TestStores;
import io.mosaic.crm.platform.records.internal.TestTypes;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.Field;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordHooks;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import io.mosaic.crm.sdk.record.WriteContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Several stores' writes in one transaction (Records.inTransaction), announced kinds and afterWrite. */
class TransactionsTest {
    private static final long ALICE = 7;
    private static TestStores stores;
    private static SqlRecordStore widgets;
    private static SqlRecordStore makers;

    @BeforeAll
    static void database() {
        stores = new TestStores();
        widgets = stores.store(TestTypes.WIDGETS);
        makers = stores.store(TestTypes.MAKERS);
    }

    @Test
    void writes_of_two_stores_commit_together_and_are_announced_only_after_the_commit() {
        int before = stores.committed.size();
        List<Integer> seenInside = new ArrayList<>();
        Record widget = stores.context.transactions().inTransaction(h -> {
            long maker = makers.create(Values.of("name", "Joint Ltd"), ALICE).id();
            Record w = widgets.create(Values.of("code", "TX-1", "makerId", maker), ALICE);
            long rows = h.createQuery("SELECT COUNT(*) FROM widgets WHERE id = :id").bind("id", w.id()).mapTo(Long.class).one();
            assertThat(rows).isEqualTo(1);            // the same transaction sees its own rows
            seenInside.add(stores.committed.size());
            return w;
        });
        assertThat(seenInside).containsExactly(before);   // nothing announced before the commit
        assertThat(stores.committed).hasSize(before + 2);
        assertThat(widgets.get(widget.id()).get("makerId")).isNotNull();
    }

    @Test
    void a_failure_rolls_back_every_store_and_announces_nothing() {
        widgets.create(Values.of("code", "TX-TAKEN"), ALICE);
        int before = stores.committed.size();
        assertThatThrownBy(() -> stores.context.transactions().inTransaction(h -> {
            makers.create(Values.of("name", "Rolled Back Ltd"), ALICE);
            return widgets.create(Values.of("code", "tx-taken"), ALICE);     // duplicate: 409
        })).isInstanceOf(DuplicateException.class);
        assertThat(makers.findBy("name", "Rolled Back Ltd", 5)).isEmpty();
        assertThat(stores.committed).hasSize(before);
    }

    @Test
    void a_hook_may_announce_another_kind_and_sees_the_new_id_after_the_write() {
        List<Long> seenIds = new ArrayList<>();
        RecordType announcing = RecordType.builder("test", "Maker", "makers")
                .field(Field.text("name").required().maxLength(100))
                .hooks(new RecordHooks() {
                    @Override
                    public void validate(WriteContext write) {
                        if (write.operation() == WriteContext.Operation.UPDATE && write.changes("name")) {
                            write.announce(EventKind.STAGE_CHANGED);
                        }
                    }

                    @Override
                    public void afterWrite(WriteContext write, Record written) {
                        long rows = write.handle().createQuery("SELECT COUNT(*) FROM makers WHERE id = :id")
                                .bind("id", written.id()).mapTo(Long.class).one();
                        seenIds.add(rows == 1 ? written.id() : -1);
                    }
                })
                .build();
        SqlRecordStore store = stores.store(announcing);
        Record created = store.create(Values.of("name", "Before"), ALICE);
        int before = stores.committed.size();
        store.update(created.id(), 1, Values.of("name", "After"), ALICE);

        assertThat(seenIds).containsExactly(created.id(), created.id());
        List<Change> posted = stores.committed.subList(before, stores.committed.size());
        assertThat(posted).extracting(Change::kind).containsExactly(EventKind.UPDATED, EventKind.STAGE_CHANGED);
        assertThat(posted.get(1).fields().get("name")).isEqualTo(new Change.FieldChange("Before", "After"));
        List<Change> history = stores.jdbi.withHandle(h -> ChangeLog.history(h, "test", "Maker", created.id(), Long.MAX_VALUE, 10));
        assertThat(history).extracting(Change::kind).containsExactly(EventKind.STAGE_CHANGED, EventKind.UPDATED, EventKind.CREATED);
    }

    @Test
    void a_delete_hands_its_options_to_the_hooks() {
        List<String> seen = new ArrayList<>();
        RecordType withOption = RecordType.builder("test", "Maker", "makers")
                .field(Field.text("name").required().maxLength(100))
                .deleteOption("cascade", "test option")
                .hooks(new RecordHooks() {
                    @Override
                    public void validate(WriteContext write) {
                        if (write.operation() == WriteContext.Operation.DELETE) {
                            seen.add(write.option("cascade").orElse("absent"));
                        }
                    }
                })
                .build();
        SqlRecordStore store = stores.store(withOption);
        store.delete(store.create(Values.of("name", "Opt 1"), ALICE).id(), java.util.OptionalLong.empty(), ALICE,
                java.util.Map.of("cascade", "true"));
        store.delete(store.create(Values.of("name", "Opt 2"), ALICE).id(), java.util.OptionalLong.empty(), ALICE);
        assertThat(seen).containsExactly("true", "absent");
        assertThat(withOption.deleteOptions()).containsOnlyKeys("cascade");
    }
}
