package io.mosaic.crm.service.internal;

import io.mosaic.crm.sdk.db.Database;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks every few seconds for SLA clocks past their target whose breach was not announced yet,
 * marks each announced in its own transaction ({@code breach_posted}, so a breach is posted once
 * even with several nodes), then posts {@code Case/SLA_BREACHED} with the clock's name.
 */
final class BreachSweep implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BreachSweep.class);
    private final Jdbi jdbi;
    private final Consumer<Event> events;
    private final Supplier<ServiceMeter> meter;
    private final Clock clock;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "service-sla-breaches");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> task;

    BreachSweep(Database database, Consumer<Event> events, Supplier<ServiceMeter> meter, Clock clock) {
        this.jdbi = database.jdbi();
        this.events = events;
        this.meter = meter;
        this.clock = clock;
    }

    synchronized void every(int seconds) {
        if (task != null) {
            task.cancel(false);
        }
        task = executor.scheduleWithFixedDelay(this::sweepSafely, seconds, seconds, TimeUnit.SECONDS);
    }

    private void sweepSafely() {
        long started = System.nanoTime();
        boolean failed = true;
        try {
            sweep();
            failed = false;
        } catch (RuntimeException e) {
            LOG.warn("SLA breach sweep failed; trying again later: {}", e.toString());
        } finally {
            meter.get().sweep(System.nanoTime() - started, failed);
        }
    }

    /** Announces the breaches found now; answers how many. */
    int sweep() {
        Instant now = clock.instant();
        List<Map<String, Object>> due = jdbi.withHandle(h -> h.createQuery("""
                SELECT case_id, clock FROM service_case_clocks
                 WHERE breach_posted = FALSE
                   AND (breached_at IS NOT NULL OR (stopped_at IS NULL AND running AND due_at <= :now))
                 LIMIT 500""").bind("now", CaseClocks.utc(now)).mapToMap().list());
        int posted = 0;
        for (Map<String, Object> row : due) {
            long caseId = ((Number) row.get("case_id")).longValue();
            String name = (String) row.get("clock");
            int marked = jdbi.inTransaction(h -> h.createUpdate("""
                    UPDATE service_case_clocks SET breach_posted = TRUE, breached_at = COALESCE(breached_at, due_at)
                     WHERE case_id = :id AND clock = :clock AND breach_posted = FALSE""")
                    .bind("id", caseId).bind("clock", name).execute());
            if (marked == 1) {
                events.accept(CaseEvents.event("SLA_BREACHED", caseId, 0, 0, Map.of("clock", name)));
                meter.get().breachPosted(name);
                posted++;
            }
        }
        return posted;
    }

    @Override
    public synchronized void close() {
        executor.shutdownNow();
    }
}
