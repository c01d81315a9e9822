package io.mosaic.crm.sdk.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.error.BadRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ListQueryTest {
    private final ListSpec<Item> spec = Item.spec().where("i.deleted_at IS NULL").build();

    private ListQuery<Item> query(String... pairs) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
        }
        return ListQuery.parse(params, spec);
    }

    private static void assertBadRequest(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void without_parameters_uses_the_default_sort_limit_and_fixed_conditions() {
        var q = query();
        assertThat(q.clauses()).isEqualTo("WHERE (i.deleted_at IS NULL) ORDER BY i.name ASC, i.id ASC LIMIT :lq_limit");
        assertThat(q.limit()).isEqualTo(50);
        assertThat(q.bindings()).containsExactlyEntriesOf(Map.of("lq_limit", 51));
        assertThat(q.sort()).isEqualTo("name");
        assertThat(q.fields()).containsExactly("id", "name", "score");
    }

    @Test
    void appends_the_id_in_the_direction_of_the_last_sort_key() {
        assertThat(query("sort", "score,-createdAt").orderBy()).isEqualTo("i.score ASC, i.created_at DESC, i.id DESC");
        assertThat(query("sort", "-id").orderBy()).isEqualTo("i.id DESC");
        assertThat(query("sort", "id,name").orderBy()).isEqualTo("i.id ASC, i.name ASC");
    }

    @Test
    void rejects_unknown_duplicate_and_empty_sort_fields() {
        for (String sort : new String[] {"colour", "name,name", "", "name,", "--name", "i.name", "name DESC"}) {
            assertBadRequest(() -> query("sort", sort), "invalid_sort");
        }
    }

    @Test
    void rejects_limits_outside_one_to_max() {
        assertThat(query("limit", "500").limit()).isEqualTo(500);
        assertThat(query("limit", "1").bindings()).containsEntry("lq_limit", 2);
        for (String limit : new String[] {"0", "501", "-1", "abc", "1.5", "", "007", "99999999999"}) {
            assertBadRequest(() -> query("limit", limit), "invalid_limit");
        }
        assertBadRequest(() -> query("limit", "5", "limit", "6"), "invalid_limit");
    }

    @Test
    void applies_configured_page_sizes() {
        var small = spec.withLimits(10, 20);
        assertThat(ListQuery.parse(Map.of(), small).limit()).isEqualTo(10);
        assertThatThrownBy(() -> ListQuery.parse(Map.of("limit", List.of("21")), small)).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> spec.withLimits(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec.withLimits(20, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejects_unknown_parameters() {
        assertBadRequest(() -> query("colour", "red"), "unknown_parameter");
        assertBadRequest(() -> query("Name", "x"), "unknown_parameter");
        var noSearch = ListSpec.<Item>builder("id", Item::id).build();
        assertBadRequest(() -> ListQuery.parse(Map.of("q", List.of("a")), noSearch), "unknown_parameter");
        assertBadRequest(() -> ListQuery.parse(Map.of("fields", List.of("id")), noSearch), "unknown_parameter");
    }

    @Test
    void binds_typed_filter_values_and_never_puts_them_into_the_sql() {
        var q = query("name", "' OR 1=1 --", "score", "-3", "createdAfter", "2024-05-01T10:00:00Z");
        assertThat(q.clauses()).doesNotContain("OR 1=1").contains("i.name = :lq_f", "i.score = :lq_f", "i.created_at > :lq_f");
        assertThat(q.bindings().values()).contains("' OR 1=1 --", -3, LocalDateTime.parse("2024-05-01T10:00:00"));
    }

    @Test
    void rejects_filter_values_of_the_wrong_type() {
        assertBadRequest(() -> query("score", "17abc"), "invalid_filter");
        assertBadRequest(() -> query("score", "+5"), "invalid_filter");
        assertBadRequest(() -> query("score", "99999999999"), "invalid_filter");
        assertBadRequest(() -> query("createdAfter", "yesterday"), "invalid_filter");
        assertBadRequest(() -> query("createdAfter", "2024-05-01"), "invalid_filter");
        assertBadRequest(() -> query("name", ""), "invalid_filter");
        assertBadRequest(() -> query("name", "a", "name", "b"), "invalid_filter");
        assertBadRequest(() -> query("q", "x".repeat(201)), "invalid_filter");
    }

    @Test
    void escapes_like_wildcards_in_the_search_prefix() {
        assertThat(ListQuery.likePrefix("50%_a!\\b")).isEqualTo("50!%!_a!!\\b%");
        var q = query("q", "ac%");
        assertThat(q.where()).contains("i.name LIKE :lq_q ESCAPE '!'");
        assertThat(q.bindings()).containsEntry("lq_q", "ac!%%");
        assertThat(query("q", "").where()).doesNotContain("LIKE");
    }

    @Test
    void selects_requested_fields_in_request_order() {
        var q = query("fields", "score,id");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1L);
        row.put("name", "a");
        row.put("score", null);
        assertThat(q.select(row)).containsExactly(new java.util.AbstractMap.SimpleEntry<>("score", null), Map.entry("id", 1L));
        for (String fields : new String[] {"colour", "id,id", "", "id,"}) {
            assertBadRequest(() -> query("fields", fields), "invalid_fields");
        }
    }

    @Test
    void pages_with_a_cursor_only_when_more_rows_were_fetched() {
        var q = query("limit", "2", "sort", "-score");
        var a = new Item(1, "a", 5, null, Instant.parse("2024-01-01T00:00:00Z"));
        var b = new Item(2, "b", null, null, Instant.parse("2024-01-01T00:00:00Z"));
        var c = new Item(3, "c", null, null, Instant.parse("2024-01-01T00:00:00Z"));
        assertThat(q.page(List.of(a, b), Item::name)).isEqualTo(new Page<>(List.of("a", "b"), null));
        Page<String> page = q.page(List.of(a, b, c), Item::name);
        assertThat(page.items()).containsExactly("a", "b");
        assertThat(page.next()).isNotNull().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

        var next = query("limit", "2", "sort", "-score", "after", page.next());
        // descending, the cursor row has score NULL: only NULL scores with a lower id follow
        assertThat(next.where()).contains("i.score IS NULL AND i.id < :lq_k1");
        assertThat(next.bindings()).containsEntry("lq_k1", 2L).doesNotContainKey("lq_k0");
    }

    @Test
    void keyset_condition_covers_every_key_and_null_ordering() {
        var one = query("sort", "score,name", "limit", "1");
        String next = one.page(List.of(new Item(7, "x", 3, null, Instant.EPOCH), new Item(8, "y", 4, null, Instant.EPOCH)), Item::id).next();
        var after = query("sort", "score,name", "after", next);
        assertThat(after.where()).contains(
                "(i.score > :lq_k0) OR (i.score = :lq_k0 AND i.name > :lq_k1) OR (i.score = :lq_k0 AND i.name = :lq_k1 AND i.id > :lq_k2)");
        assertThat(after.bindings()).containsEntry("lq_k0", 3).containsEntry("lq_k1", "x").containsEntry("lq_k2", 7L);

        var descending = query("sort", "-price", "limit", "1");
        String d = descending.page(List.of(new Item(4, "p", null, new BigDecimal("9.50"), Instant.EPOCH), new Item(5, "q", null, null, Instant.EPOCH)), Item::id).next();
        assertThat(query("sort", "-price", "after", d).where())
                .contains("((i.price < :lq_k0 OR i.price IS NULL)) OR (i.price = :lq_k0 AND i.id < :lq_k1)");
        assertThat(query("sort", "-price", "after", d).bindings()).containsEntry("lq_k0", new BigDecimal("9.50"));
    }

    @Test
    void rejects_tampered_foreign_and_malformed_cursors() {
        var q = query("limit", "1", "sort", "name");
        String cursor = q.page(List.of(new Item(1, "a", 1, null, Instant.EPOCH), new Item(2, "b", 1, null, Instant.EPOCH)), Item::id).next();
        char[] chars = cursor.toCharArray();
        chars[3] = chars[3] == 'A' ? 'B' : 'A';
        String tampered = new String(chars);
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"s\":\"name\",\"k\":[\"b\",\"1\"]}".getBytes()) + cursor.substring(cursor.indexOf('.'));
        for (String bad : new String[] {tampered, forged, "", "abc", "abc.def", "...", "%%%", cursor + "x", "x".repeat(5000)}) {
            assertThatThrownBy(() -> query("sort", "name", "after", bad)).as(bad)
                    .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.code()).isEqualTo("invalid_cursor"));
        }
        assertBadRequest(() -> query("sort", "-name", "after", cursor), "invalid_cursor");
        assertThat(query("sort", "name", "after", cursor).where()).contains("i.name > :lq_k0");
    }

    @Test
    void rejects_a_null_cursor_value_for_a_column_that_cannot_be_null() {
        // a cursor for sort=name whose name is null can only be forged; keep the digest honest by building it here
        String cursor = Cursor.encode(new Cursor.Position("name", java.util.Arrays.asList(null, "1")));
        assertBadRequest(() -> query("after", cursor), "invalid_cursor");
        String badNumber = Cursor.encode(new Cursor.Position("name", List.of("a", "1x")));
        assertBadRequest(() -> query("after", badNumber), "invalid_cursor");
    }

    @Test
    void refuses_specs_with_column_names_that_are_not_plain_identifiers() {
        assertThatThrownBy(() -> ListSpec.<Item>builder("id; DROP TABLE x", Item::id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Item.spec().search("name)").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Item.spec().filter("limit", FieldType.LONG, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Item.spec().defaultSort("colour").build()).isInstanceOf(IllegalArgumentException.class);
    }
}
