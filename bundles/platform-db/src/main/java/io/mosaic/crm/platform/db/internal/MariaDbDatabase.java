package io.mosaic.crm.platform.db.internal;

import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.db.api.SlowQueries;
import io.mosaic.crm.platform.db.api.SlowQuery;
import io.mosaic.crm.platform.db.internal.metrics.DbMetrics;
import io.mosaic.crm.platform.db.internal.metrics.QueryTimer;
import io.mosaic.crm.platform.db.internal.metrics.SlowQueryLog;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.runtime.RuntimeFacts;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's MariaDB: one pool and one {@link Jdbi} shared by every module, per-module Flyway
 * migrations, and its live numbers as the runtime facts section {@code db}. Configuration changes
 * are applied in place by {@link MariaDbPool#apply}; see there for what takes effect when.
 */
@Designate(ocd = DbSettings.class)
@Component(service = {Database.class, RuntimeFacts.class, SlowQueries.class}, configurationPid = "io.mosaic.crm.db")
public final class MariaDbDatabase implements Database, RuntimeFacts, SlowQueries {
    private static final Logger LOG = LoggerFactory.getLogger(MariaDbDatabase.class);

    private final BundleContext context;
    private final MariaDbPool pool;
    private final FlywayMigrations migrations;
    private final DbMetrics metrics;
    private final SlowQueryLog slowQueries;

    @Activate
    public MariaDbDatabase(BundleContext context, DbSettings config) {
        this.context = context;
        PoolSettings settings = PoolSettings.from(config, context::getProperty);
        this.metrics = new DbMetrics(this::currentPool);
        this.slowQueries = new SlowQueryLog(config.slowQueryMillis());
        this.pool = new MariaDbPool(settings, metrics.trackerFactory());
        pool.jdbi().getConfig(SqlStatements.class).setSqlLogger(new QueryTimer(metrics, slowQueries));
        this.migrations = new FlywayMigrations(pool.dataSource());
        LOG.info("Database pool started: {}", settings);
    }

    @Modified
    void modified(DbSettings config) {
        slowQueries.thresholdMillis(config.slowQueryMillis());
        try {
            PoolSettings next = PoolSettings.from(config, context::getProperty);
            pool.apply(next);
            LOG.info("Database pool retuned: {}", next);
        } catch (IllegalArgumentException | IllegalStateException e) {
            LOG.error("Database configuration rejected, keeping {}: {}", pool.settings(), e.getMessage());
        }
    }

    /** Records pool and query metrics while platform-monitoring's registry is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(MetricRegistry registry) {
        metrics.bind(registry);
    }

    void unbindMetrics(MetricRegistry registry) {
        metrics.unbind(registry);
    }

    private com.zaxxer.hikari.HikariDataSource currentPool() {
        return pool.currentPool();
    }

    @Override
    public List<SlowQuery> recent() {
        return slowQueries.recent();
    }

    @Override
    public long thresholdMillis() {
        return slowQueries.thresholdMillis();
    }

    @Deactivate
    void deactivate() {
        pool.close();
    }

    @Override
    public Jdbi jdbi() {
        return pool.jdbi();
    }

    @Override
    public void migrate(String moduleId, ClassLoader classLoader) {
        migrations.migrate(moduleId, classLoader);
    }

    @Override
    public boolean inTransaction(Thread thread) {
        return pool.inTransaction(thread);
    }

    @Override
    public String name() {
        return "db";
    }

    @Override
    public Map<String, Object> facts() {
        return pool.facts();
    }
}
