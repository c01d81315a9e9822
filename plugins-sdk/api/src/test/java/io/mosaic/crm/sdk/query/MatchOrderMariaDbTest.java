package io.mosaic.crm.sdk.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testing.TestMariaDb;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A search over several columns in match order, against a real MariaDB: one branch per column,
 * paged by (match, id). Rows match in one, two or three columns, in other letter cases, with
 * accents the collation folds, and with NULLs; every page size lists each matching live row once.
 */
class MatchOrderMariaDbTest {
    private record Person(long id, String first, String last, String email) {
    }

    private static final ListSpec<Person> SPEC = ListSpec.<Person>builder("p.id", Person::id)
            .sort("lastName", FieldType.STRING, "p.last_name", false, Person::last)
            .defaultSort("lastName")
            .search("p.first_name").search("p.last_name").search("p.email")
            .where("p.deleted_at IS NULL")
            .searchInMatchOrder()
            .build();
    private static Jdbi jdbi;

    @BeforeAll
    static void createRows() {
        var db = TestMariaDb.shared();
        jdbi = Jdbi.create(db.freshDatabase("sdk_match"), db.user(), db.password());
        jdbi.useHandle(h -> {
            h.execute("""
                    CREATE TABLE people (
                      id BIGINT AUTO_INCREMENT PRIMARY KEY,
                      first_name VARCHAR(100) NULL,
                      last_name VARCHAR(100) NOT NULL,
                      email VARCHAR(254) NULL,
                      deleted_at DATETIME(6) NULL,
                      KEY ix_first (first_name, id), KEY ix_last (last_name, id), KEY ix_email (email, id)
                    ) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci""");
            String[] firsts = {"Anna", "anna", "Änne", "Andreas", "Bert", null, "Anton", "Bea"};
            String[] lasts = {"Anders", "Berg", "ANDERSSON", "Ahn", "Brandt", "Ärger", "Bauer"};
            String[] mails = {"anna.%d@example.com", "b%d@example.com", null, "an%d@corp.test", "Ahn.%d@mail.test"};
            var batch = h.prepareBatch("INSERT INTO people (first_name, last_name, email, deleted_at) VALUES (:f, :l, :e, :d)");
            for (int i = 0; i < 400; i++) {
                String mail = mails[i % mails.length];
                batch.bind("f", firsts[i % firsts.length]).bind("l", lasts[(i / 3) % lasts.length])
                        .bind("e", mail == null ? null : mail.formatted(i))
                        .bind("d", i % 29 == 0 ? "2024-01-01" : null).add();
            }
            batch.execute();
        });
    }

    @ParameterizedTest
    @CsvSource({"a, 7", "an, 1", "an, 13", "AN, 50", "anna, 9", "ä, 11", "ahn, 4", "b, 17", "x, 5", "anna.1, 3"})
    void pages_through_every_match_once_in_match_order(String q, int pageSize) {
        List<Long> expected = jdbi.withHandle(h -> h.createQuery("""
                        SELECT id FROM people p WHERE p.deleted_at IS NULL
                          AND (p.first_name LIKE :q OR p.last_name LIKE :q OR p.email LIKE :q)""")
                .bind("q", q + "%").mapTo(Long.class).list());
        List<Person> paged = all(q, pageSize);

        assertThat(paged).extracting(Person::id).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        List<Person> oneQuery = fetch(ListQuery.parse(Map.of("q", List.of(q), "limit", List.of("500")), SPEC)).stream()
                .map(ListQuery.Row::value).toList();
        assertThat(paged).containsExactlyElementsOf(oneQuery);
    }

    @Test
    void keeps_the_order_of_the_match_then_the_id() {
        List<ListQuery.Row<Person>> rows = fetch(ListQuery.parse(Map.of("q", List.of("an"), "limit", List.of("500")), SPEC));
        List<String> matches = rows.stream().map(ListQuery.Row::match).toList();
        List<Boolean> inOrder = jdbi.withHandle(h -> {
            List<Boolean> out = new ArrayList<>();
            for (int i = 1; i < matches.size(); i++) {
                out.add(h.createQuery("SELECT :a <= :b COLLATE utf8mb4_unicode_ci").bind("a", matches.get(i - 1))
                        .bind("b", matches.get(i)).mapTo(Boolean.class).one());
            }
            return out;
        });
        assertThat(rows).isNotEmpty();
        assertThat(inOrder).doesNotContain(false);
        assertThat(rows).as("the match is one of the row's searched values")
                .allMatch(r -> List.of(r.value().first() == null ? "" : r.value().first(), r.value().last(),
                        r.value().email() == null ? "" : r.value().email()).contains(r.match()));
    }

    @Test
    void an_explicit_sort_keeps_the_sorted_search() {
        ListQuery<Person> sorted = ListQuery.parse(Map.of("q", List.of("an"), "sort", List.of("-lastName")), SPEC);
        assertThat(sorted.matchOrdered()).isFalse();
        assertThat(sorted.statement("p.*", "people p")).contains(" OR ").doesNotContain("UNION");
        assertThat(ListQuery.parse(Map.of("q", List.of("an")), SPEC).statement("p.*", "people p"))
                .contains("UNION").doesNotContain(" OR ");
        ListSpec<Person> legacy = ListSpec.<Person>builder("p.id", Person::id).search("p.first_name", "p.last_name").build();
        ListQuery<Person> or = ListQuery.parse(Map.of("q", List.of("an")), legacy);
        assertThat(or.matchOrdered()).as("match order is opted into").isFalse();
        assertThat(or.clauses()).contains("p.first_name LIKE :lq_q ESCAPE '!' OR p.last_name LIKE :lq_q ESCAPE '!'");
    }

    private static List<ListQuery.Row<Person>> fetch(ListQuery<Person> query) {
        return jdbi.withHandle(h -> h.createQuery(query.statement("p.*", "people p")).bindMap(query.bindings())
                .map((rs, ctx) -> new ListQuery.Row<>(new Person(rs.getLong("id"), rs.getString("first_name"),
                        rs.getString("last_name"), rs.getString("email")),
                        query.matchOrdered() ? rs.getString(ListQuery.MATCH_COLUMN) : null))
                .list());
    }

    private static List<Person> all(String q, int pageSize) {
        List<Person> rows = new ArrayList<>();
        Map<String, List<String>> params = new HashMap<>(Map.of("q", List.of(q), "limit", List.of(String.valueOf(pageSize))));
        while (true) {
            var query = ListQuery.parse(params, SPEC);
            Page<Person> page = query.pageOf(fetch(query), p -> p);
            rows.addAll(page.items());
            if (page.next() == null) {
                return rows;
            }
            params.put("after", List.of(page.next()));
        }
    }
}
