package io.mosaic.crm.platform.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.testing.TestMariaDb;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A new URL or new credentials cannot be applied to open connections: the pool is replaced under load. */
class PoolSwapTest {
    private final TestMariaDb db = TestMariaDb.shared();
    private final ExecutorService workers = Executors.newCachedThreadPool();
    private MariaDbPool pool;

    @AfterEach
    void close() {
        workers.shutdownNow();
        if (pool != null) {
            pool.close();
        }
    }

    @Test
    void swapping_credentials_keeps_serving_running_and_new_queries() throws Exception {
        String first = db.freshDatabase("swap_from");
        String second = db.freshDatabase("swap_to");
        pool = new MariaDbPool(TestSettings.pool(first, 4, 30));
        Jdbi jdbi = pool.jdbi();
        DataSource dataSource = pool.dataSource();
        CountDownLatch started = new CountDownLatch(1);
        CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> jdbi.withHandle(h -> {
            started.countDown();
            return h.createQuery("SELECT CONCAT(SLEEP(1), DATABASE())").mapTo(String.class).one();
        }), workers);
        started.await();

        pool.apply(TestSettings.withConnection(pool.settings(), second, "mosaic_swapped"));

        assertThat(pool.jdbi()).isSameAs(jdbi);
        assertThat(pool.dataSource()).isSameAs(dataSource);
        assertThat(Sql.text(jdbi, "SELECT USER()"))
                .startsWith("mosaic_swapped@");
        assertThat(Sql.text(jdbi, "SELECT DATABASE()"))
                .isEqualTo(second.substring(second.lastIndexOf('/') + 1, second.indexOf('?')));
        assertThat(running.get(20, TimeUnit.SECONDS)).isEqualTo("0" + first.substring(first.lastIndexOf('/') + 1, first.indexOf('?')));
        pool.retirements().get(20, TimeUnit.SECONDS);
        assertThat(pool.facts()).containsEntry("retiringPools", 0).containsEntry("user", "mosaic_swapped");
    }

    @Test
    void refuses_a_url_it_cannot_connect_to_and_keeps_the_current_pool() {
        String url = db.freshDatabase("swap_refused");
        pool = new MariaDbPool(TestSettings.pool(url, 2, 30));
        PoolSettings before = pool.settings();

        assertThatThrownBy(() -> pool.apply(TestSettings.withConnection(before, "jdbc:mariadb://127.0.0.1:1/none?sslMode=disable", "root")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot connect to jdbc:mariadb://127.0.0.1:1/none");

        assertThat(pool.settings()).isEqualTo(before);
        assertThat(Sql.integer(pool.jdbi(), "SELECT 1")).isEqualTo(1);
    }

    @Test
    void refuses_changes_after_close() {
        pool = new MariaDbPool(TestSettings.pool(db.freshDatabase("swap_closed"), 2, 30));
        pool.close();

        assertThatThrownBy(() -> pool.apply(TestSettings.withMaximum(pool.settings(), 3)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
