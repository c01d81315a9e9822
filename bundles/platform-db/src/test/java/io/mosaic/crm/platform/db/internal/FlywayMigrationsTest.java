package io.mosaic.crm.platform.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.testing.TestMariaDb;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FlywayMigrationsTest {
    private final ClassLoader scripts = FlywayMigrationsTest.class.getClassLoader();
    private MariaDbPool pool;
    private FlywayMigrations migrations;
    private Jdbi jdbi;

    @BeforeEach
    void freshDatabase() {
        pool = new MariaDbPool(TestSettings.pool(TestMariaDb.shared().freshDatabase("migrate"), 8, 30));
        migrations = new FlywayMigrations(pool.dataSource());
        jdbi = pool.jdbi();
    }

    @AfterEach
    void close() {
        pool.close();
    }

    @Test
    void each_module_gets_its_own_history_table_in_the_shared_schema() {
        assertThat(migrations.migrate("alpha", scripts)).isEqualTo(1);
        assertThat(migrations.migrate("beta", scripts)).isEqualTo(1);

        assertThat(tables()).contains("alpha_note", "beta_item", "flyway_alpha", "flyway_beta");
        assertThat(applied("flyway_alpha")).containsExactly("1 init");
        // beta found alpha's tables in the schema, so its history starts with a baseline at version 0
        assertThat(applied("flyway_beta")).containsExactly("0 shared schema", "1 init");
    }

    @Test
    void migrating_again_is_a_no_op() {
        migrations.migrate("alpha", scripts);

        assertThat(migrations.migrate("alpha", scripts)).isZero();
        assertThat(applied("flyway_alpha")).containsExactly("1 init");
    }

    @Test
    void a_broken_script_fails_clearly_and_is_not_recorded_as_applied() {
        assertThatThrownBy(() -> migrations.migrate("broken", scripts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("module 'broken'")
                .hasMessageContaining("V1__init.sql")
                .hasMessageContaining("NOT_A_TYPE");

        assertThat(Sql.integer(jdbi, "SELECT COUNT(*) FROM flyway_broken WHERE success = 1 AND version = '1'")).isZero();
        assertThatThrownBy(() -> migrations.migrate("broken", scripts))
                .as("a failed migration blocks the module until it is repaired")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("module 'broken'");
    }

    @Test
    void a_module_without_scripts_in_the_class_loader_fails_instead_of_migrating_nothing() {
        assertThatThrownBy(() -> migrations.migrate("gamma", scripts))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("module 'gamma'")
                .hasMessageContaining("classpath:db/gamma");
    }

    @Test
    void rejects_what_is_not_a_module_id() {
        for (String id : List.of("", "Alpha", "../alpha", "alpha;drop", "a".repeat(58))) {
            assertThatThrownBy(() -> migrations.migrate(id, scripts))
                    .as(id)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void hyphenated_module_ids_get_an_underscored_history_table() {
        assertThat(FlywayMigrations.historyTable("crm-customers")).isEqualTo("flyway_crm_customers");
    }

    @Test
    void concurrent_migrations_of_one_module_apply_its_scripts_once() throws Exception {
        var executor = Executors.newFixedThreadPool(2);
        try {
            var one = CompletableFuture.supplyAsync(() -> migrations.migrate("alpha", scripts), executor);
            var two = CompletableFuture.supplyAsync(() -> migrations.migrate("alpha", scripts), executor);

            assertThat(one.get(60, TimeUnit.SECONDS) + two.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(applied("flyway_alpha")).containsExactly("1 init");
        } finally {
            executor.shutdownNow();
        }
    }

    private List<String> tables() {
        return jdbi.withHandle(h -> h.createQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .mapTo(String.class).list());
    }

    private List<String> applied(String historyTable) {
        return jdbi.withHandle(h -> h.createQuery("SELECT CONCAT(version, ' ', description) FROM " + historyTable
                        + " WHERE success = 1 ORDER BY installed_rank")
                .mapTo(String.class).list());
    }
}
