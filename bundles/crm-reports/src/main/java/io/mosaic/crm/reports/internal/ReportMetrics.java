package io.mosaic.crm.reports.internal;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code reports.runs} (timer of statements run), {@code reports.cache.hits},
 * {@code reports.too_expensive}, {@code reports.scheduled} (timer) and
 * {@code reports.scheduled.failures}, {@code reports.model.training} (timer). Removed when the module stops.
 */
@Component(service = ReportMeter.class)
public final class ReportMetrics implements ReportMeter {
    private final MetricRegistry registry;
    private final Timer runs;
    private final Meter hits;
    private final Meter expensive;
    private final Timer scheduled;
    private final Meter scheduledFailures;
    private final Timer training;

    @Activate
    public ReportMetrics(@Reference MetricRegistry registry) {
        this.registry = registry;
        runs = registry.timer("reports.runs");
        hits = registry.meter("reports.cache.hits");
        expensive = registry.meter("reports.too_expensive");
        scheduled = registry.timer("reports.scheduled");
        scheduledFailures = registry.meter("reports.scheduled.failures");
        training = registry.timer("reports.model.training");
    }

    @Deactivate
    void removeMetrics() {
        registry.removeMatching((name, metric) -> name.startsWith("reports."));
    }

    @Override
    public void ran(long millis) { runs.update(millis, TimeUnit.MILLISECONDS); }

    @Override
    public void cacheHit() { hits.mark(); }

    @Override
    public void tooExpensive() { expensive.mark(); }

    @Override
    public void scheduled(long millis, boolean failed) {
        scheduled.update(millis, TimeUnit.MILLISECONDS);
        if (failed) {
            scheduledFailures.mark();
        }
    }

    @Override
    public void trained(long millis) { training.update(millis, TimeUnit.MILLISECONDS); }
}
