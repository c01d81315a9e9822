package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.CrmException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.record.Record;
import io.mosaic.crm.sdk.record.Records;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scheduled reports on our own single-thread executor: every {@code schedulerIntervalSeconds},
 * each definition with a cron {@code schedule} whose next fire time after its last run has come
 * runs once ({@link DueTimes}: after downtime, once for the latest missed fire time, not once per
 * missed one) and stores a snapshot — its rows, or the reason it failed. A run covers what the
 * definition's owner owns ({@link ScheduledCaller}).
 */
@Component(service = Schedules.class, configurationPid = "io.mosaic.crm.reports")
public final class Schedules {
    private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);
    private final Records records;
    private final Jdbi jdbi;
    private final ReportRunner runner;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "reports-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile ReportsSettings settings;
    private ScheduledFuture<?> ticking;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReportMeter meter;

    @Activate
    public Schedules(@Reference ReportsSchema schema, @Reference Records records, @Reference Database database,
            @Reference ReportRunner runner, ReportsSettings settings) {
        this.records = records;
        this.jdbi = database.jdbi();
        this.runner = runner;
        this.settings = settings;
        every(settings.schedulerIntervalSeconds());
    }

    @Modified
    void apply(ReportsSettings next) {
        boolean interval = next.schedulerIntervalSeconds() != settings.schedulerIntervalSeconds();
        settings = next;
        if (interval) {
            every(next.schedulerIntervalSeconds());
        }
    }

    @Deactivate
    void stop() {
        executor.shutdownNow();
    }

    private synchronized void every(int seconds) {
        if (ticking != null) {
            ticking.cancel(false);
        }
        ticking = executor.scheduleWithFixedDelay(() -> {
            try {
                runDue();
            } catch (RuntimeException e) {
                LOG.warn("scheduled reports failed to run", e);
            }
        }, seconds, Math.max(1, seconds), TimeUnit.SECONDS);
    }

    /** Runs every due definition now; answers {@code {"ran":[{definitionId, snapshotId, status}]}}. */
    synchronized Map<String, Object> runDue() {
        Instant now = runner.now();
        List<Map<String, Object>> ran = new ArrayList<>();
        List<Map<String, Object>> scheduled = jdbi.withHandle(h -> h.createQuery(ScheduleSql.SCHEDULED).mapToMap().list());
        for (Map<String, Object> row : scheduled) {
            long id = ((Number) row.get("id")).longValue();
            Instant last = instant(row.get("last_due_at") != null ? row.get("last_due_at") : row.get("created_at"));
            Optional<Instant> due = DueTimes.latestDue((String) row.get("schedule"), ReportQueries.zone((String) row.get("tz")),
                    last, now);
            due.ifPresent(at -> ran.add(runOne(id, at)));
        }
        return Map.of("ran", ran);
    }

    private Map<String, Object> runOne(long id, Instant due) {
        Instant started = runner.now();
        String status = "succeeded";
        String reason = null;
        String result = null;
        Integer rows = null;
        try {
            Record definition = records.store(ReportTypes.DEFINITIONS).get(id);
            AggregateQuery query = ReportQueries.fromDefinition(definition, null, due);
            ReportRunner.Answer answer = runner.compute(runner.plan(query, new ScheduledCaller(definition.ownerId(), records)));
            rows = answer.rows().size();
            result = ReportQueries.JSON.writeValueAsString(Map.of("columns", answer.columns(), "rows", answer.rows()));
        } catch (CrmException e) {
            status = "failed";
            reason = e.code() + ": " + e.getMessage();
        } catch (Exception e) {
            status = "failed";
            reason = "internal: " + e;
            LOG.warn("scheduled report {} failed", id, e);
        }
        long millis = java.time.Duration.between(started, runner.now()).toMillis();
        ReportMeter m = meter;
        if (m != null) {
            m.scheduled(millis, status.equals("failed"));
        }
        String text = result;
        String why = reason == null ? null : reason.substring(0, Math.min(1000, reason.length()));
        Integer count = rows;
        String outcome = status;
        long snapshot = jdbi.inTransaction(h -> {
            h.createUpdate(ScheduleSql.STATE).bind("id", id).bind("due", utc(due)).execute();
            long sid = h.createUpdate(ScheduleSql.INSERT).bind("id", id).bind("due", utc(due)).bind("started", utc(started))
                    .bind("millis", millis).bind("status", outcome).bind("reason", why).bind("rows", count).bind("result", text)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            h.createUpdate(ScheduleSql.PRUNE).bind("id", id).bind("keep", Math.max(1, settings.snapshotsKept())).execute();
            return sid;
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("definitionId", id);
        out.put("snapshotId", snapshot);
        out.put("dueAt", due.toString());
        out.put("status", status);
        return out;
    }

    Map<String, Object> snapshots(long definitionId, String limitText) {
        if (limitText != null && !limitText.matches("[1-9][0-9]{0,2}")) {
            throw new BadRequestException("invalid_limit", "limit must be 1 to 500");
        }
        int limit = limitText == null ? 50 : Math.min(500, Integer.parseInt(limitText));
        List<Map<String, Object>> items = jdbi.withHandle(h -> h.createQuery(ScheduleSql.LIST).bind("id", definitionId)
                .bind("limit", limit).map((rs, ctx) -> ScheduleSql.summary(rs)).list());
        return Map.of("items", items);
    }

    Map<String, Object> snapshot(long definitionId, long snapshotId) {
        return jdbi.withHandle(h -> h.createQuery(ScheduleSql.ONE).bind("id", definitionId).bind("snapshot", snapshotId)
                .map((rs, ctx) -> ScheduleSql.full(rs)).findOne())
                .orElseThrow(() -> new NotFoundException("snapshot", snapshotId));
    }

    private static Instant instant(Object value) {
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a time: " + value);
    }

    private static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
