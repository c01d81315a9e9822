package io.mosaic.crm.platform.tuning.internal.advice;

import io.mosaic.crm.platform.db.api.SlowQueries;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * platform-db's slow-query log as {@link CapturedQueries}. A component of its own so that nothing
 * else loads platform-db's API: without it, this stays unsatisfied and the advisor asks MariaDB.
 */
@Component(service = CapturedQueries.class)
public final class DbSlowQueryLog implements CapturedQueries {
    private final SlowQueries log;

    @Activate
    public DbSlowQueryLog(@Reference SlowQueries log) {
        this.log = log;
    }

    @Override
    public List<Captured> recent() {
        return log.recent().stream().map(q -> new Captured(q.name(), q.sql(), q.millis())).toList();
    }

    @Override
    public long thresholdMillis() {
        return log.thresholdMillis();
    }
}
