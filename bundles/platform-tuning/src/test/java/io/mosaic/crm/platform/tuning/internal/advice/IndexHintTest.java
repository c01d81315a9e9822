package io.mosaic.crm.platform.tuning.internal.advice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.testing.TestMariaDb;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IndexHintTest {
    private static String url;

    @BeforeAll
    static void table_without_indexes() throws Exception {
        var server = TestMariaDb.shared();
        url = server.freshDatabase("tuning_explain");
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE people (id BIGINT PRIMARY KEY AUTO_INCREMENT, email VARCHAR(100), name VARCHAR(100), age INT)");
            st.execute("INSERT INTO people (email, name, age) SELECT CONCAT('p', seq, '@x.org'), CONCAT('n', seq), seq % 90 "
                    + "FROM seq_1_to_2000");
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(url, TestMariaDb.shared().user(), TestMariaDb.shared().password());
    }

    @Test
    void proposes_an_index_on_compared_then_sorted_columns_for_a_full_scan() throws Exception {
        try (Connection c = connect()) {
            var plan = IndexHint.explain(c, "SELECT id, name FROM people WHERE email = ? AND age > ? ORDER BY name LIMIT ?");
            assertThat(plan.readsTables()).isTrue();
            assertThat(plan.access()).anySatisfy(a -> assertThat(a).startsWith("people: ALL"));
            assertThat(plan.createIndex()).contains("CREATE INDEX ix_people_email_age_name ON people (email, age, name)");
            assertThat(c.isReadOnly()).isFalse();
        }
    }

    @Test
    void proposes_nothing_when_an_index_serves_the_query() throws Exception {
        try (Connection c = connect()) {
            var plan = IndexHint.explain(c, "SELECT name FROM people WHERE id = ?");
            assertThat(plan.createIndex()).isEmpty();
        }
    }

    @Test
    void says_when_no_table_is_read() throws Exception {
        try (Connection c = connect()) {
            assertThat(IndexHint.explain(c, "SELECT SLEEP(?)").readsTables()).isFalse();
        }
    }

    @Test
    void explains_only_single_selects() throws Exception {
        try (Connection c = connect()) {
            assertThatThrownBy(() -> IndexHint.explain(c, "DELETE FROM people WHERE id = ?"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> IndexHint.explain(c, "SELECT 1; DROP TABLE people"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void normalizing_removes_every_literal_value() {
        assertThat(SlowQueries.normalize("SELECT * FROM people WHERE email = 'a''b@x.org' AND age > 42 AND t2.c = -1.5"))
                .isEqualTo("SELECT * FROM people WHERE email = ? AND age > ? AND t2.c = ?");
        assertThat(SlowQueries.normalize("SELECT col1 FROM t1 WHERE x IN (1, 2)")).isEqualTo("SELECT col1 FROM t1 WHERE x IN (?, ?)");
        assertThat(SlowQueries.normalize("SELECT SLEEP(:seconds) FROM t WHERE a = :a_1")).isEqualTo("SELECT SLEEP(?) FROM t WHERE a = ?");
    }
}
