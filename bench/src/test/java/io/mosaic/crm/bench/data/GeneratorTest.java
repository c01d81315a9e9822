package io.mosaic.crm.bench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.testing.TestMariaDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data generator against a real MariaDB with the customers module's own schema. */
class GeneratorTest {
    private static final Path SCHEMA = Path.of("../bundles/crm-customers/src/main/resources/db/customers/V1__init.sql");
    private Connection db;

    @TempDir
    Path dir;

    @BeforeEach
    void freshSchema() throws Exception {
        TestMariaDb server = TestMariaDb.shared();
        db = DriverManager.getConnection(server.freshDatabase("bench") + "&allowLocalInfile=true", server.user(), server.password());
        try (Statement st = db.createStatement()) {
            for (String ddl : Files.readString(SCHEMA).split(";\\s*(\\n|$)")) {
                String sql = ddl.lines().filter(l -> !l.trim().startsWith("--")).reduce("", (a, b) -> a + "\n" + b).trim();
                if (!sql.isEmpty()) {
                    st.execute(sql);
                }
            }
        }
    }

    @Test
    void the_same_seed_gives_the_same_rows_and_another_seed_other_rows() {
        long[] accounts = {10, 11, 12};
        long[] owners = {1};
        assertThat(new ContactRows(7, accounts, owners).row(12345)).isEqualTo(new ContactRows(7, accounts, owners).row(12345));
        assertThat(new AccountRows(7, owners).row(99)).isEqualTo(new AccountRows(7, owners).row(99));
        assertThat(new AccountRows(8, owners).row(99)).isNotEqualTo(new AccountRows(7, owners).row(99));
    }

    @Test
    void fills_accounts_and_contacts_in_batches_with_a_partial_last_batch_and_valid_references() throws Exception {
        DataSet.Generated data = new DataSet(7, 2_500, 3_001).generate(db, message -> { });

        assertThat(data.accountIds()).hasSize(2_500);
        assertThat(data.contactIds()).hasSize(3_001);
        assertThat(data.loads()).extracting(BulkInserter.Loaded::table).containsExactly("accounts", "contacts");
        assertThat(single("SELECT COUNT(DISTINCT live_email) FROM contacts")).isEqualTo(3_001);
        assertThat(single("SELECT COUNT(*) FROM contacts c JOIN accounts a ON a.id = c.account_id")).isBetween(2_400L, 3_001L);
        assertThat(single("SELECT COUNT(DISTINCT country) FROM accounts")).isGreaterThan(10);
    }

    @Test
    void load_data_infile_loads_exactly_the_rows_the_generator_inserts() throws Exception {
        RowSource contacts = new ContactRows(7, new long[0], new long[] {1});
        try (Statement st = db.createStatement()) {
            st.execute("CREATE TABLE by_insert LIKE contacts");
            st.execute("CREATE TABLE by_load LIKE contacts");
        }
        new BulkInserter(1000).insertInto(db, contacts, List.of("by_insert"), 1_500, message -> { });
        List<String> columns = LoadDataFile.columns(db, contacts, "by_load");
        Path tsv = dir.resolve("contacts.tsv");
        LoadDataFile.writeTsv(tsv, contacts, columns, 1_500);

        assertThat(LoadDataFile.load(db, tsv, "by_load", columns)).isEqualTo(1_500);
        String same = String.join(" AND ", columns.stream().map(c -> "a.`" + c + "` <=> b.`" + c + "`").toList());
        assertThat(single("SELECT COUNT(*) FROM by_insert a JOIN by_load b ON a.id = b.id AND " + same)).isEqualTo(1_500);
    }

    @Test
    void refuses_a_table_with_a_required_column_it_cannot_fill() throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("ALTER TABLE contacts ADD COLUMN shoe_size INT NOT NULL");
        }
        assertThatThrownBy(() -> new BulkInserter(1000).insert(db, new ContactRows(7, new long[0], new long[] {1}), 10, m -> { }))
                .hasMessageContaining("shoe_size");
    }

    @Test
    void tsv_fields_escape_tabs_newlines_backslashes_and_null() {
        StringBuilder sb = new StringBuilder();
        LoadDataFile.appendField(sb, "a\tb\nc\\d");
        sb.append('|');
        LoadDataFile.appendField(sb, null);
        assertThat(sb.toString()).isEqualTo("a\\tb\\nc\\\\d|\\N");
    }

    private long single(String sql) throws Exception {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
