package io.mosaic.crm.sdk.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testing.TestMariaDb;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The generated SQL against a real MariaDB: paging lists every row once, user input stays data. */
class ListQueryMariaDbTest {
    private static final RowMapper<Item> ITEM = (rs, ctx) -> new Item(rs.getLong("id"), rs.getString("name"),
            (Integer) rs.getObject("score"), rs.getBigDecimal("price"),
            rs.getObject("created_at", LocalDateTime.class).toInstant(ZoneOffset.UTC));
    private static final ListSpec<Item> SPEC = Item.spec().where("i.deleted_at IS NULL").build();
    private static Jdbi jdbi;

    @BeforeAll
    static void createRows() {
        var db = TestMariaDb.shared();
        jdbi = Jdbi.create(db.freshDatabase("sdk_query"), db.user(), db.password());
        jdbi.useHandle(h -> {
            h.execute("""
                    CREATE TABLE items (
                      id BIGINT AUTO_INCREMENT PRIMARY KEY,
                      name VARCHAR(100) NOT NULL,
                      score INT NULL,
                      price DECIMAL(19,2) NULL,
                      created_at DATETIME(6) NOT NULL,
                      deleted_at DATETIME(6) NULL
                    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""");
            var batch = h.prepareBatch("INSERT INTO items (name, score, price, created_at, deleted_at) "
                    + "VALUES (:name, :score, :price, :createdAt, :deletedAt)");
            for (int i = 0; i < 400; i++) {
                batch.bind("name", "name " + (i % 37))             // many ties
                        .bind("score", i % 5 == 0 ? null : i % 7)  // NULLs and ties
                        .bind("price", i % 3 == 0 ? null : new BigDecimal(i % 11 + ".25"))
                        .bind("createdAt", LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(i % 50).plusNanos(1000L * i))
                        .bind("deletedAt", i % 40 == 39 ? LocalDateTime.of(2024, 2, 1, 0, 0) : null)
                        .add();
            }
            batch.execute();
            for (String name : new String[] {"a%b", "a_b", "a\\b", "a!b", "axb", "' OR 1=1 --", "O'Brien"}) {
                h.createUpdate("INSERT INTO items (name, created_at) VALUES (:name, '2024-03-01')").bind("name", name).execute();
            }
        });
    }

    private static List<Item> fetch(ListQuery<Item> query) {
        return jdbi.withHandle(h -> h.createQuery(query.statement("i.*", "items i"))
                .bindMap(query.bindings()).map(ITEM).list());
    }

    private static List<Item> all(Map<String, List<String>> params) {
        List<Item> rows = new ArrayList<>();
        Map<String, List<String>> page = new HashMap<>(params);
        while (true) {
            var query = ListQuery.parse(page, SPEC);
            Page<Item> result = query.page(fetch(query), item -> item);
            rows.addAll(result.items());
            if (result.next() == null) {
                return rows;
            }
            page.put("after", List.of(result.next()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "-name", "score", "-score", "price,-score", "-price,name", "createdAt", "-createdAt,score",
            "id", "-id", "score,-name,price"})
    void pages_through_every_row_exactly_once_in_the_order_of_one_big_query(String sort) {
        List<Item> expected = fetch(ListQuery.parse(Map.of("sort", List.of(sort), "limit", List.of("500")), SPEC));
        List<Item> paged = all(Map.of("sort", List.of(sort), "limit", List.of("7")));

        assertThat(expected).hasSize(397);
        assertThat(paged).containsExactlyElementsOf(expected);
        assertThat(paged.stream().map(Item::id).distinct()).hasSize(397);
    }

    @Test
    void keeps_filters_while_paging() {
        List<Item> paged = all(Map.of("score", List.of("3"), "sort", List.of("-price"), "limit", List.of("4")));
        assertThat(paged).isNotEmpty().allMatch(i -> Integer.valueOf(3).equals(i.score()));
        assertThat(paged).hasSize(fetch(ListQuery.parse(Map.of("score", List.of("3"), "limit", List.of("500")), SPEC)).size());
    }

    @Test
    void treats_quotes_and_comment_markers_in_filters_as_data() {
        assertThat(fetch(ListQuery.parse(Map.of("name", List.of("' OR 1=1 --")), SPEC))).extracting(Item::name).containsExactly("' OR 1=1 --");
        assertThat(fetch(ListQuery.parse(Map.of("name", List.of("O'Brien")), SPEC))).extracting(Item::name).containsExactly("O'Brien");
        assertThat(fetch(ListQuery.parse(Map.of("q", List.of("' OR")), SPEC))).extracting(Item::name).containsExactly("' OR 1=1 --");
    }

    @Test
    void matches_search_wildcards_and_backslashes_literally() {
        assertThat(names("a%")).containsExactly("a%b");
        assertThat(names("a_")).containsExactly("a_b");
        assertThat(names("a\\")).containsExactly("a\\b");
        assertThat(names("a!")).containsExactly("a!b");
        assertThat(names("a")).containsExactlyInAnyOrder("a%b", "a_b", "a\\b", "a!b", "axb");
        assertThat(names("NAME 3")).hasSizeGreaterThan(10).allMatch(n -> n.startsWith("name 3"));
    }

    @Test
    void filters_instants_as_utc_with_strict_bounds() {
        var after = ListQuery.parse(Map.of("createdAfter", List.of("2024-01-01T00:00:48Z"), "limit", List.of("500")), SPEC);
        assertThat(fetch(after)).isNotEmpty()
                .allMatch(i -> i.createdAt().isAfter(Instant.parse("2024-01-01T00:00:48Z")));
        var before = ListQuery.parse(Map.of("createdBefore", List.of("2024-01-01T00:00:00.000001Z"), "limit", List.of("500")), SPEC);
        assertThat(fetch(before)).extracting(Item::id).containsExactly(1L);
    }

    private static List<String> names(String q) {
        return fetch(ListQuery.parse(Map.of("q", List.of(q), "limit", List.of("500")), SPEC)).stream().map(Item::name).toList();
    }
}
