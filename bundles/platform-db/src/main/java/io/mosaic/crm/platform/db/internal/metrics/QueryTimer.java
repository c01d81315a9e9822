package io.mosaic.crm.platform.db.internal.metrics;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Installed as the shared Jdbi's {@link SqlLogger}: times every statement (also failed ones)
 * into {@code db.query;name=...} while a registry is bound, and feeds the {@link SlowQueryLog}
 * whether or not one is.
 */
public final class QueryTimer implements SqlLogger {
    private final DbMetrics metrics;
    private final SlowQueryLog slow;
    private final QueryNames names = new QueryNames();

    public QueryTimer(DbMetrics metrics, SlowQueryLog slow) {
        this.metrics = metrics;
        this.slow = slow;
    }

    @Override
    public void logAfterExecution(StatementContext context) {
        record(context, context.getElapsedTime(ChronoUnit.NANOS));
    }

    @Override
    public void logException(StatementContext context, SQLException ex) {
        Instant started = context.getExecutionMoment();
        Instant failed = context.getExceptionMoment();
        if (started != null && failed != null) {
            record(context, Duration.between(started, failed).toNanos());
        }
    }

    private void record(StatementContext context, long nanos) {
        DbMetrics.Recorder recorder = metrics.recorder();
        if (recorder == null && slow.thresholdMillis() == 0) {
            return;
        }
        String name = names.of(context);
        boolean wasSlow = slow.offer(name, context.getRenderedSql(), nanos);
        if (recorder != null) {
            recorder.query(name, nanos, wasSlow);
        }
    }
}
