package io.mosaic.crm.platform.db.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.db.internal.metrics.DbMetrics;
import io.mosaic.crm.platform.db.internal.metrics.QueryTimer;
import io.mosaic.crm.platform.db.internal.metrics.SlowQueryLog;
import io.mosaic.crm.testing.TestMariaDb;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DbMetricsTest {
    private final TestMariaDb db = TestMariaDb.shared();
    private final MetricRegistry registry = new MetricRegistry();
    private final AtomicReference<MariaDbPool> pool = new AtomicReference<>();
    private final DbMetrics metrics = new DbMetrics(() -> pool.get().currentPool());
    private final SlowQueryLog slow = new SlowQueryLog(0);

    private MariaDbPool open(String name, int maximumPoolSize) {
        pool.set(new MariaDbPool(TestSettings.pool(db.freshDatabase(name), maximumPoolSize, 30), metrics.trackerFactory()));
        pool.get().jdbi().getConfig(SqlStatements.class).setSqlLogger(new QueryTimer(metrics, slow));
        metrics.bind(registry);
        return pool.get();
    }

    @AfterEach
    void close() {
        if (pool.get() != null) {
            pool.get().close();
        }
    }

    @Test
    void times_statements_by_explicit_or_derived_name_and_reads_the_pool() {
        MariaDbPool p = open("metrics_names", 4);
        p.jdbi().useHandle(h -> {
            h.execute("CREATE TABLE note (id BIGINT PRIMARY KEY)");
            h.createUpdate("INSERT INTO note (id) VALUES (:id)").bind("id", 1).execute();
            h.createQuery("SELECT id FROM note WHERE id = :id").bind("id", 1).mapTo(Long.class).one();
            h.createQuery("SELECT COUNT(*) FROM note").define("queryName", "notes.count").mapTo(Long.class).one();
        });

        assertThat(registry.timer("db.query;name=insert:note").getCount()).isEqualTo(1);
        assertThat(registry.timer("db.query;name=select:note").getCount()).isEqualTo(1);
        assertThat(registry.timer("db.query;name=notes.count").getCount()).isEqualTo(1);
        assertThat(registry.timer("db.pool.acquire").getCount()).isPositive();
        assertThat(registry.getGauges().get("db.pool.max").getValue()).isEqualTo(4);
        assertThat((Integer) registry.getGauges().get("db.pool.total").getValue()).isBetween(1, 4);
        assertThat(registry.getGauges()).containsKeys("db.pool.active", "db.pool.idle", "db.pool.pending");
    }

    @Test
    void logs_slow_statements_with_their_sql_but_never_their_values_and_follows_the_threshold_live() {
        MariaDbPool p = open("metrics_slow", 2);
        slow.thresholdMillis(20);

        p.jdbi().useHandle(h -> h.createQuery("SELECT SLEEP(0.05), :tag").bind("tag", "top-secret").mapToMap().one());
        slow.thresholdMillis(0);
        p.jdbi().useHandle(h -> h.createQuery("SELECT SLEEP(0.05), 2").mapToMap().one());

        assertThat(slow.recent()).singleElement().satisfies(q -> {
            assertThat(q.sql()).isEqualTo("SELECT SLEEP(0.05), :tag").doesNotContain("top-secret");
            assertThat(q.name()).isEqualTo("select");
            assertThat(q.millis()).isGreaterThanOrEqualTo(20);
        });
        assertThat(registry.meter("db.query.slow").getCount()).isEqualTo(1);
    }

    @Test
    void counts_connection_timeouts() throws Exception {
        MariaDbPool p = open("metrics_timeouts", 1);
        p.apply(TestSettings.withConnectionTimeout(p.settings(), 250));

        try (Handle held = p.jdbi().open()) {
            held.execute("SELECT 1");
            assertThatThrownBy(() -> p.jdbi().useHandle(h -> h.execute("SELECT 1"))).isNotNull();
        }

        assertThat(registry.meter("db.pool.timeouts").getCount()).isEqualTo(1);
        assertThat(registry.getGauges().get("db.pool.pending").getValue()).isEqualTo(0);
    }

    @Test
    void follows_the_new_pool_after_a_url_change() throws Exception {
        MariaDbPool p = open("metrics_swap_a", 3);
        long acquiredBefore = registry.timer("db.pool.acquire").getCount();

        p.apply(TestSettings.withMaximum(TestSettings.withConnection(p.settings(), db.freshDatabase("metrics_swap_b"),
                db.user()), 5));
        p.jdbi().useHandle(h -> h.execute("SELECT 1"));
        p.retirements().get(20, TimeUnit.SECONDS);

        assertThat(registry.getGauges().get("db.pool.max").getValue()).isEqualTo(5);
        assertThat(registry.timer("db.pool.acquire").getCount()).isGreaterThan(acquiredBefore);
    }

    @Test
    void removes_its_metrics_and_stops_recording_when_the_registry_goes() {
        MariaDbPool p = open("metrics_unbind", 2);
        metrics.unbind(registry);

        p.jdbi().useHandle(h -> h.execute("SELECT 1"));

        assertThat(registry.getMetrics()).isEmpty();
    }
}
