package io.mosaic.crm.platform.records.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.records.internal.TestStores;
import io.mosaic.crm.platform.records.internal.TestTypes;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import io.mosaic.crm.sdk.event.EventKind;
import io.mosaic.crm.sdk.record.Change;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Values;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SqlRecordStoreTest {
    private static final long ALICE = 7;
    private static final long BOB = 8;
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
    void creates_at_version_1_owned_by_the_caller_with_normalized_values_and_logs_the_change() {
        long maker = makers.create(Values.of("name", "Acme"), ALICE).id();
        Record created = widgets.create(Values.of("code", "  W-1 ", "price", new BigDecimal("12.5"), "currency", "eur",
                "due", LocalDate.of(2026, 12, 15), "makerId", maker, "colour", "red"), ALICE);

        assertThat(created.version()).isEqualTo(1);
        assertThat(created.ownerId()).isEqualTo(ALICE);
        assertThat(created.text("code")).isEqualTo("W-1");
        assertThat(created.text("currency")).isEqualTo("EUR");
        assertThat(created.toJson()).containsEntry("price", "12.50").containsEntry("due", "2026-12-15");
        assertThat(widgets.get(created.id())).isEqualTo(created);
        Change change = last();
        assertThat(change.kind()).isEqualTo(EventKind.CREATED);
        assertThat(change.recordId()).isEqualTo(created.id());
        assertThat(change.fields().get("code").after()).isEqualTo("W-1");
        assertThat(change.fields()).doesNotContainKey("title");   // null before and after: no change
    }

    @Test
    void a_hook_tripping_over_a_field_that_failed_its_check_leaves_the_422_of_that_field() {
        assertThatThrownBy(() -> widgets.create(Values.of("code", " "), ALICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldProblem::field, FieldProblem::problem)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("code", "required")));
    }

    @Test
    void names_every_bad_field_in_one_422_and_writes_nothing() {
        int before = stores.committed.size();
        assertThatThrownBy(() -> widgets.create(Values.of("code", "", "email", "no-at", "colour", "purple",
                "price", new BigDecimal("1.23456"), "weight", 0, "makerId", 987654L, "title", "forbidden"), ALICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldProblem::field, FieldProblem::problem)
                        .contains(org.assertj.core.groups.Tuple.tuple("code", "required"),
                                org.assertj.core.groups.Tuple.tuple("email", "invalid_email"),
                                org.assertj.core.groups.Tuple.tuple("colour", "not_allowed_value"),
                                org.assertj.core.groups.Tuple.tuple("price", "too_many_decimals"),
                                org.assertj.core.groups.Tuple.tuple("weight", "too_small"),
                                org.assertj.core.groups.Tuple.tuple("makerId", "unknown_reference"),
                                org.assertj.core.groups.Tuple.tuple("title", "not_this_one")));
        assertThat(stores.committed).hasSize(before);
        assertThat(widgets.findBy("title", "forbidden", 5)).isEmpty();
    }

    @Test
    void money_needs_a_currency() {
        assertThatThrownBy(() -> widgets.create(Values.of("code", "M-1", "price", BigDecimal.TEN), ALICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldProblem::field, FieldProblem::problem)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("currency", "currency_required")));
    }

    @Test
    void answers_a_duplicate_with_the_holder_whatever_the_case_and_allows_it_after_a_delete() {
        Record first = widgets.create(Values.of("code", "Dup-1"), ALICE);
        assertThatThrownBy(() -> widgets.create(Values.of("code", "DUP-1"), BOB))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(first.id()));
        widgets.delete(first.id(), OptionalLong.empty(), ALICE);
        assertThat(widgets.create(Values.of("code", "dup-1"), BOB).id()).isNotEqualTo(first.id());
    }

    @Test
    void patches_only_what_it_names_checks_the_version_and_logs_before_and_after() {
        Record created = widgets.create(Values.of("code", "P-1", "title", "Old", "weight", 5), ALICE);
        Values patch = Values.of("title", "New", "weight", null);

        assertThatThrownBy(() -> widgets.update(created.id(), 9, patch, BOB)).isInstanceOf(VersionMismatchException.class);
        Record updated = widgets.update(created.id(), 1, patch, BOB);

        assertThat(updated.version()).isEqualTo(2);
        assertThat(updated.text("code")).isEqualTo("P-1");
        assertThat(updated.get("weight")).isNull();
        assertThat(updated.ownerId()).isEqualTo(ALICE);
        assertThat(widgets.get(created.id())).isEqualTo(updated);
        Change change = last();
        assertThat(change.kind()).isEqualTo(EventKind.UPDATED);
        assertThat(change.userId()).isEqualTo(BOB);
        assertThat(change.fields()).containsOnlyKeys("title", "weight");
        assertThat(change.fields().get("title")).isEqualTo(new Change.FieldChange("Old", "New"));
        assertThat(change.fields().get("weight")).isEqualTo(new Change.FieldChange(5, null));
        List<Change> history = stores.jdbi.withHandle(h -> ChangeLog.history(h, "test", "Widget", created.id(), Long.MAX_VALUE, 10));
        assertThat(history).extracting(Change::kind).containsExactly(EventKind.UPDATED, EventKind.CREATED);
    }

    @Test
    void a_required_field_cannot_be_cleared_by_a_patch() {
        Record created = widgets.create(Values.of("code", "R-1"), ALICE);
        assertThatThrownBy(() -> widgets.update(created.id(), 1, Values.of("code", null), ALICE))
                .isInstanceOf(ValidationException.class);
        assertThat(widgets.get(created.id()).version()).isEqualTo(1);
    }

    @Test
    void deletes_softly_once() {
        Record created = widgets.create(Values.of("code", "D-1"), ALICE);
        widgets.delete(created.id(), OptionalLong.of(1), ALICE);
        assertThat(widgets.find(created.id())).isEmpty();
        assertThat(last().kind()).isEqualTo(EventKind.DELETED);
        assertThatThrownBy(() -> widgets.delete(created.id(), OptionalLong.empty(), ALICE)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> widgets.get(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_reference_to_a_deleted_record_is_refused() {
        long maker = makers.create(Values.of("name", "Gone Ltd"), ALICE).id();
        makers.delete(maker, OptionalLong.empty(), ALICE);
        assertThatThrownBy(() -> widgets.create(Values.of("code", "X-1", "makerId", maker), ALICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(FieldProblem::problem).containsExactly("unknown_reference"));
    }

    @Test
    void a_reference_to_a_type_whose_module_is_not_running_answers_503() {
        RecordType orphan = RecordType.builder("test", "Orphan", "widgets")
                .field(io.mosaic.crm.sdk.record.Field.text("code").required())
                .field(io.mosaic.crm.sdk.record.Field.reference("makerId", "absent.makers"))
                .build();
        assertThatThrownBy(() -> stores.store(orphan).create(Values.of("code", "O-1", "makerId", 1L), ALICE))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.code()).isEqualTo("module_unavailable"));
    }

    private static Change last() {
        return stores.committed.get(stores.committed.size() - 1);
    }
}
