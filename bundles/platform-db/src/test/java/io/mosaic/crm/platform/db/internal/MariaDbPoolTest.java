package io.mosaic.crm.platform.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.testing.TestMariaDb;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MariaDbPoolTest {
    private final TestMariaDb db = TestMariaDb.shared();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool();

    @AfterEach
    void close() throws Exception {
        workers.shutdownNow();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private MariaDbPool pool(PoolSettings settings) {
        MariaDbPool pool = new MariaDbPool(settings);
        toClose.add(pool);
        return pool;
    }

    private Handle open(Jdbi jdbi) {
        Handle handle = jdbi.open();
        toClose.add(handle);
        return handle;
    }

    @Test
    void serves_queries_through_the_shared_jdbi() {
        MariaDbPool pool = pool(TestSettings.pool(db.freshDatabase("pool_serve"), 4, 30));

        pool.jdbi().useHandle(h -> h.execute("CREATE TABLE note (id BIGINT PRIMARY KEY, body VARCHAR(50))"));
        pool.jdbi().useHandle(h -> h.createUpdate("INSERT INTO note VALUES (:id, :body)")
                .bind("id", 1).bind("body", "hello").execute());

        String body = pool.jdbi().withHandle(h -> h.createQuery("SELECT body FROM note WHERE id = :id")
                .bind("id", 1).mapTo(String.class).one());
        assertThat(body).isEqualTo("hello");
        assertThat(pool.facts())
                .containsEntry("maximumPoolSize", 4)
                .containsEntry("queryTimeoutSeconds", 30)
                .containsEntry("activeConnections", 0)
                .containsKeys("idleConnections", "totalConnections", "threadsAwaitingConnection");
    }

    @Test
    void connections_use_bulk_statements_and_connect_within_the_connection_timeout() throws Exception {
        MariaDbPool pool = pool(TestSettings.pool(db.freshDatabase("pool_options"), 2, 30));

        try (Connection c = pool.dataSource().getConnection()) {
            assertThat(c.getMetaData().getURL()).contains("useBulkStmts=true").contains("connectTimeout=3000");
        }
    }

    @Test
    void facts_show_the_url_without_its_password() {
        String url = db.freshDatabase("pool_facts") + "&password=";
        MariaDbPool pool = pool(TestSettings.pool(url, 2, 30));

        pool.apply(TestSettings.withConnection(pool.settings(), url.replace("&password=", "&password=s3cret"), "root"));

        assertThat((String) pool.facts().get("url")).contains("password=***").doesNotContain("s3cret");
    }

    @Test
    void raising_maximum_pool_size_lets_more_connections_in_while_queries_run() throws Exception {
        PoolSettings small = TestSettings.withConnectionTimeout(
                TestSettings.pool(db.freshDatabase("pool_grow"), 2, 30), 500);
        MariaDbPool pool = pool(small);
        Handle first = open(pool.jdbi());
        open(pool.jdbi()); // an open handle holds its connection
        CompletableFuture<Integer> running = CompletableFuture.supplyAsync(
                () -> first.createQuery("SELECT SLEEP(1)").mapTo(Integer.class).one(), workers);

        assertThatThrownBy(() -> pool.dataSource().getConnection().close())
                .hasMessageContaining("Connection is not available");

        pool.apply(TestSettings.withConnectionTimeout(TestSettings.withMaximum(small, 4), 10_000));

        assertThat(pool.facts()).containsEntry("maximumPoolSize", 4).containsEntry("connectionTimeoutMillis", 10_000L);
        CompletableFuture<Integer> third = CompletableFuture.supplyAsync(select(pool.jdbi()), workers);
        CompletableFuture<Integer> fourth = CompletableFuture.supplyAsync(select(pool.jdbi()), workers);
        assertThat(third.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(fourth.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(running.get(20, TimeUnit.SECONDS)).isZero();
        assertThat((Integer) pool.facts().get("totalConnections")).isGreaterThan(2).isLessThanOrEqualTo(4);
    }

    @Test
    void lowering_maximum_pool_size_closes_connections_above_it() throws Exception {
        MariaDbPool pool = pool(TestSettings.pool(db.freshDatabase("pool_shrink"), 4, 30));
        List<Connection> borrowed = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            borrowed.add(pool.dataSource().getConnection());
        }
        for (Connection c : borrowed) {
            c.close();
        }

        pool.apply(TestSettings.withMaximum(pool.settings(), 1));

        assertThat(pool.facts()).containsEntry("maximumPoolSize", 1).containsEntry("minimumIdle", 1);
        awaitTrue(() -> (Integer) pool.facts().get("totalConnections") <= 1);
        assertThat(Sql.integer(pool.jdbi(), "SELECT 1")).isEqualTo(1);
    }

    @Test
    void query_timeout_fails_a_statement_that_runs_longer_and_is_retuned_live() {
        MariaDbPool pool = pool(TestSettings.pool(db.freshDatabase("pool_timeout"), 2, 30));

        pool.apply(TestSettings.withQueryTimeout(pool.settings(), 1));

        assertThat(pool.facts()).containsEntry("queryTimeoutSeconds", 1);
        assertThatThrownBy(() -> Sql.integer(pool.jdbi(), "SELECT SLEEP(3)"))
                .isInstanceOf(StatementException.class)
                .hasMessageContaining("max_statement_time");
        assertThat(Sql.integer(pool.jdbi(), "SELECT 7")).isEqualTo(7);
    }

    @Test
    void no_query_timeout_lets_a_slow_statement_finish() {
        MariaDbPool pool = pool(TestSettings.pool(db.freshDatabase("pool_notimeout"), 2, 0));

        assertThat(Sql.integer(pool.jdbi(), "SELECT SLEEP(2)")).isZero();
    }

    private static Supplier<Integer> select(Jdbi jdbi) {
        return () -> Sql.integer(jdbi, "SELECT 1");
    }

    static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.get()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void knows_which_thread_holds_an_open_transaction_and_bounds_reads_by_a_network_timeout() throws Exception {
        MariaDbPool pool = pool(TestSettings.pool(db.freshDatabase("pool_tx"), 4, 30));
        Thread self = Thread.currentThread();

        boolean inside = pool.jdbi().inTransaction(h -> {
            h.execute("SELECT 1");
            return pool.inTransaction(self);
        });
        boolean reading = pool.jdbi().withHandle(h -> {
            h.execute("SELECT 1");
            return pool.inTransaction(self);
        });
        int networkTimeout = pool.jdbi().withHandle(h -> h.getConnection().getNetworkTimeout());

        assertThat(inside).isTrue();
        assertThat(reading).isFalse();
        assertThat(pool.inTransaction(self)).isFalse();
        assertThat(networkTimeout).isEqualTo(33_000);
        assertThat(pool.facts()).containsEntry("networkTimeoutMillis", 33_000);
    }
}
