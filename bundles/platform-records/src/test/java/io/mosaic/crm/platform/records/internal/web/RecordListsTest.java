package io.mosaic.crm.platform.records.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.records.internal.TestTypes;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.record.Record;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordListsTest {
    private final RecordLists lists = new RecordLists(TestTypes.WIDGETS);

    @Test
    void derives_filters_from_the_fields_with_the_field_each_reads() {
        assertThat(lists.filters()).containsEntry("code", "code").containsEntry("priceFrom", "price")
                .containsEntry("priceTo", "price").containsEntry("dueFrom", "due").containsEntry("createdAfter", "createdAt")
                .containsEntry("ownerId", "ownerId").doesNotContainKey("title");
    }

    @Test
    void a_hidden_field_cannot_be_filtered_sorted_selected_or_searched() {
        Set<String> hidden = Set.of("secret");
        for (Map<String, List<String>> params : List.of(Map.of("secret", List.of("x")), Map.of("sort", List.of("-secret")),
                Map.of("sort", List.of("code,secret")), Map.of("fields", List.of("id,secret")))) {
            assertThatThrownBy(() -> lists.parse(params, hidden, 0)).as(params.toString())
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("field_forbidden"));
        }
    }

    @Test
    void search_leaves_out_the_columns_of_hidden_fields() {
        ListQuery<Record> all = lists.parse(Map.of("q", List.of("ab")), Set.of(), 0);
        ListQuery<Record> reduced = lists.parse(Map.of("q", List.of("ab")), Set.of("secret", "email"), 0);
        assertThat(all.statement("r.*", "t r")).contains("r.secret LIKE").contains("r.email LIKE").contains("r.title LIKE");
        assertThat(reduced.statement("r.*", "t r")).doesNotContain("r.secret").doesNotContain("r.email").contains("r.title LIKE");
        assertThatThrownBy(() -> lists.parse(Map.of("q", List.of("ab")), Set.of("secret", "email", "title"), 0))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_range_filter_of_a_money_field_is_a_bound_decimal() {
        ListQuery<Record> query = lists.parse(Map.of("priceFrom", List.of("10.50")), Set.of(), 0);
        assertThat(query.where()).contains("r.price >= :lq_f");
        assertThat(query.bindings()).containsValue(new java.math.BigDecimal("10.50"));
        assertThatThrownBy(() -> lists.parse(Map.of("priceFrom", List.of("ten")), Set.of(), 0))
                .isInstanceOf(BadRequestException.class);
    }

    @Test
    void page_sizes_apply_to_the_next_queries() {
        lists.pageSizes(3, 7);
        assertThat(lists.parse(Map.of(), Set.of(), 0).limit()).isEqualTo(3);
        assertThatThrownBy(() -> lists.parse(Map.of("limit", List.of("8")), Set.of(), 0)).isInstanceOf(BadRequestException.class);
        assertThat(lists.parse(Map.of("limit", List.of("8")), Set.of(), 10_000).limit()).isEqualTo(8);
    }
}
