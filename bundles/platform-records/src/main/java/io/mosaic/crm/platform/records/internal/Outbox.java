package io.mosaic.crm.platform.records.internal;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.records.internal.store.ChangeLog;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.event.CrmEvents;
import io.mosaic.crm.sdk.record.Change;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbi.v3.core.Jdbi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts the EventAdmin event of every committed change, from the change log: a change committed
 * by this process is posted at once (on the outbox thread), and a sweep posts the changes whose
 * event was never marked posted, such as those of a process killed between commit and post.
 * Delivery is at least once; each event carries its {@code changeId}. Events wait in the log
 * while EventAdmin is absent or dispatch is switched off. Old history is purged hourly.
 */
@Designate(ocd = OutboxSettings.class)
@Component(service = Outbox.class, configurationPid = "io.mosaic.crm.records")
public final class Outbox {
    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final int BATCH = 500;
    private static final Duration PURGE_EVERY = Duration.ofHours(1);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin eventAdmin;

    private final Jdbi jdbi;
    private final Clock clock = Clock.systemUTC();
    private final ScheduledExecutorService executor;
    private final ConcurrentLinkedQueue<Change> fresh = new ConcurrentLinkedQueue<>();
    private final AtomicLong pending = new AtomicLong();
    private final Meter posted = new Meter();
    private final Meter recovered = new Meter();
    private final Counter failures = new Counter();
    private volatile OutboxSettings settings;
    private volatile ScheduledFuture<?> sweeper;
    private volatile Instant lastPurge = Instant.EPOCH;
    private MetricRegistry registry;

    @Activate
    public Outbox(@Reference Database database, @Reference RecordsSchema schema, OutboxSettings settings) {
        this.jdbi = database.jdbi();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "mosaic-outbox");
            thread.setDaemon(true);
            return thread;
        });
        apply(settings);
    }

    @Modified
    void apply(OutboxSettings next) {
        settings = next;
        ScheduledFuture<?> previous = sweeper;
        if (previous != null) {
            previous.cancel(false);
        }
        sweeper = executor.scheduleWithFixedDelay(this::sweep, 0, next.sweepMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void stop() throws InterruptedException {
        executor.shutdown();
        if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
            executor.shutdownNow();
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    synchronized void bindMetrics(MetricRegistry next) {
        registry = next;
        next.register("records.events.posted", posted);
        next.register("records.events.recovered", recovered);
        next.register("records.events.failures", failures);
        next.register("records.events.pending", (Gauge<Long>) pending::get);
    }

    synchronized void unbindMetrics(MetricRegistry gone) {
        if (registry == gone) {
            gone.removeMatching((name, metric) -> name.startsWith("records.events."));
            registry = null;
        }
    }

    /** Called right after a change committed: posts its event soon, on the outbox thread. */
    void committed(Change change) {
        if (settings.dispatch()) {
            fresh.add(change);
            executor.execute(this::postFresh);
        }
    }

    private void postFresh() {
        List<Change> batch = new ArrayList<>();
        for (Change c; batch.size() < BATCH && (c = fresh.poll()) != null; ) {
            batch.add(c);
        }
        if (!batch.isEmpty()) {
            post(batch);      // if EventAdmin is gone or dispatch is off, the sweep finds them in the log later
        }
    }

    /** Posts what the log holds unposted, oldest first; also what this process committed but could not post. */
    private void sweep() {
        try {
            if (settings.dispatch()) {
                postFresh();
                Instant olderThan = clock.instant().minusMillis(settings.graceMillis());
                List<Change> missed;
                do {
                    missed = jdbi.withHandle(h -> ChangeLog.pending(h, olderThan, BATCH));
                    if (!missed.isEmpty() && post(missed)) {
                        recovered.mark(missed.size());
                        LOG.info("posted {} record events that were committed but not posted", missed.size());
                    }
                } while (missed.size() == BATCH && eventAdmin != null);
            }
            pending.set(jdbi.withHandle(ChangeLog::countPending));
            purgeOldHistory();
        } catch (RuntimeException e) {
            failures.inc();
            LOG.warn("outbox sweep failed; it is tried again in {} ms: {}", settings.sweepMillis(), e.toString());
        }
    }

    /** Posts the events, then marks their changes posted; false when nothing could be posted now. */
    private boolean post(List<Change> changes) {
        EventAdmin admin = eventAdmin;
        if (admin == null || !settings.dispatch()) {
            return false;
        }
        List<Long> ids = new ArrayList<>();
        for (Change change : changes) {
            admin.postEvent(event(change));
            ids.add(change.changeId());
        }
        posted.mark(ids.size());
        try {
            jdbi.useHandle(h -> ChangeLog.markDispatched(h, ids, clock.instant()));
        } catch (RuntimeException e) {
            failures.inc();   // posted but not marked: the sweep posts them again (at least once)
            LOG.warn("could not mark {} posted record events; they will be posted again: {}", ids.size(), e.toString());
        }
        return true;
    }

    private void purgeOldHistory() {
        int days = settings.historyRetentionDays();
        Instant now = clock.instant();
        if (days == 0 || lastPurge.plus(PURGE_EVERY).isAfter(now)) {
            return;
        }
        Instant before = now.minus(Duration.ofDays(days));
        int deleted;
        int total = 0;
        do {
            deleted = jdbi.withHandle(h -> ChangeLog.purge(h, before, 10_000));
            total += deleted;
        } while (deleted == 10_000);
        lastPurge = now;
        if (total > 0) {
            LOG.info("deleted {} record changes older than {} days", total, days);
        }
    }

    static Event event(Change change) {
        return CrmEvents.event(change.module(), change.entity(), change.kind(), change.recordId(), change.userId(),
                Map.of(CrmEvents.CHANGE_ID, change.changeId()));
    }
}
