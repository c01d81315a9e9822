package io.mosaic.crm.service.internal;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The module's metrics in the platform's registry: {@code service.sla.breaches} (and per clock),
 * {@code service.sla.sweep} (timer) and {@code service.sla.sweep.failures},
 * {@code service.surveys.answered}, {@code service.surveys.throttled}. Removed when the module stops.
 */
@Component(service = ServiceMeter.class)
public final class ServiceMetrics implements ServiceMeter {
    private final MetricRegistry registry;
    private final Meter breaches;
    private final Timer sweeps;
    private final Meter sweepFailures;
    private final Meter answered;
    private final Meter throttled;

    @Activate
    public ServiceMetrics(@Reference MetricRegistry registry) {
        this.registry = registry;
        this.breaches = registry.meter("service.sla.breaches");
        this.sweeps = registry.timer("service.sla.sweep");
        this.sweepFailures = registry.meter("service.sla.sweep.failures");
        this.answered = registry.meter("service.surveys.answered");
        this.throttled = registry.meter("service.surveys.throttled");
    }

    @Deactivate
    void removeMetrics() {
        registry.removeMatching((name, metric) -> name.startsWith("service."));
    }

    @Override
    public void breachPosted(String clock) {
        breaches.mark();
        registry.meter("service.sla.breaches." + clock).mark();
    }

    @Override
    public void sweep(long nanos, boolean failed) {
        sweeps.update(nanos, TimeUnit.NANOSECONDS);
        if (failed) {
            sweepFailures.mark();
        }
    }

    @Override
    public void surveyAnswered() {
        answered.mark();
    }

    @Override
    public void surveyThrottled() {
        throttled.mark();
    }
}
