package io.mosaic.crm.reports.internal;

import io.mosaic.crm.sdk.aggregate.AggregatePlan;
import io.mosaic.crm.sdk.aggregate.AggregateQuery;
import io.mosaic.crm.sdk.aggregate.AggregateResult;
import io.mosaic.crm.sdk.aggregate.Aggregates;
import io.mosaic.crm.sdk.aggregate.TooExpensiveException;
import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.Caches;
import io.mosaic.crm.sdk.cache.NamedCache;
import io.mosaic.crm.sdk.event.CrmEvents;
import io.mosaic.crm.sdk.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Runs reports through the record kit's {@link Aggregates} with the configured time budget, and
 * keeps answers in the platform cache {@code reports.results}. A key is the statement with its
 * bindings (so the definition, its parameters and the caller's ownership scope) plus the change
 * generation of every entity it reads; a record event of one of them ({@code io/mosaic/crm/…},
 * posted by the outbox after commit) moves that generation on, so later runs miss the old answer
 * — even one computed by a run that started before the change.
 */
@Designate(ocd = ReportsSettings.class)
@Component(service = {ReportRunner.class, EventHandler.class}, configurationPid = "io.mosaic.crm.reports",
        property = EventConstants.EVENT_TOPIC + "=io/mosaic/crm/*")
public final class ReportRunner implements EventHandler {
    /** A report's rows and when they were computed. */
    record Answer(List<String> columns, List<List<Object>> rows, Instant computedAt, long millis) {}

    /** What a run answers: the rows, whether they came from the cache and how old they are. */
    record Run(AggregatePlan plan, Answer answer, boolean cached, long ageSeconds) {}

    private final Aggregates aggregates;
    private final NamedCache<String, Answer> cache;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    private final Clock clock = Clock.systemUTC();
    private volatile ReportsSettings settings;

    @Reference(cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC,
            policyOption = org.osgi.service.component.annotations.ReferencePolicyOption.GREEDY)
    private volatile ReportMeter meter;

    @Activate
    public ReportRunner(@Reference Aggregates aggregates, @Reference Caches caches, ReportsSettings settings) {
        this.aggregates = aggregates;
        this.settings = settings;
        this.cache = caches.declare(CacheSpec.of("reports.results", String.class, Answer.class)
                .heapEntries(2_000).ttl(Duration.ofMinutes(30)));
    }

    @Modified
    void apply(ReportsSettings next) {
        settings = next;
    }

    ReportsSettings settings() {
        return settings;
    }

    Instant now() {
        return clock.instant();
    }

    AggregatePlan plan(AggregateQuery query, Principal caller) {
        return aggregates.plan(query, caller);
    }

    /** Runs (or answers from the cache) within the budget; 422 {@code report_too_expensive} past it. */
    Run run(AggregatePlan plan) {
        String key = generationsOf(plan) + plan.key();
        Answer hit = cache.get(key);
        ReportMeter m = meter;
        if (hit != null) {
            if (m != null) {
                m.cacheHit();
            }
            return new Run(plan, hit, true, Math.max(0, Duration.between(hit.computedAt(), now()).toSeconds()));
        }
        Answer fresh = compute(plan);
        cache.put(key, fresh);
        return new Run(plan, fresh, false, 0);
    }

    /** Runs without the cache (scheduled runs: a snapshot is of the data as it is). */
    Answer compute(AggregatePlan plan) {
        Instant at = now();
        ReportMeter m = meter;
        try {
            AggregateResult result = aggregates.run(plan, Duration.ofMillis(Math.max(1, settings.statementTimeoutMillis())));
            if (m != null) {
                m.ran(result.millis());
            }
            return new Answer(result.columns(), result.rows(), at, result.millis());
        } catch (TooExpensiveException e) {
            if (m != null) {
                m.tooExpensive();
            }
            throw e;
        }
    }

    @Override
    public void handleEvent(Event event) {
        Object module = event.getProperty(CrmEvents.MODULE);
        Object entity = event.getProperty(CrmEvents.ENTITY);
        if (module != null && entity != null) {
            generations.computeIfAbsent(module + "/" + entity, e -> new AtomicLong()).incrementAndGet();
        }
    }

    private String generationsOf(AggregatePlan plan) {
        StringBuilder key = new StringBuilder();
        for (String entity : new TreeSet<>(plan.entities())) {
            key.append(entity).append('@').append(generations.computeIfAbsent(entity, e -> new AtomicLong()).get()).append(';');
        }
        return key.toString();
    }
}
