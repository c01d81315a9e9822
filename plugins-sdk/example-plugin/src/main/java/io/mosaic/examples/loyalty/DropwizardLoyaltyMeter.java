package io.mosaic.examples.loyalty;

import com.codahale.metrics.Meter;
import com.codahale.metrics.MetricRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Records {@code loyalty.*} metrics in the platform's {@link MetricRegistry}. This component only
 * starts when a registry service exists, so the plugin never loads metrics classes without one
 * (the manifest imports {@code com.codahale.metrics} optionally). It removes its metrics when it
 * stops, so the registry keeps nothing of an uninstalled plugin.
 */
@Component(service = LoyaltyMeter.class)
public final class DropwizardLoyaltyMeter implements LoyaltyMeter {
    static final String PREFIX = "loyalty.";
    private final MetricRegistry registry;
    private final Meter pointsAwarded;
    private final Meter pointsRedeemed;
    private final Meter awards;
    private final Meter redemptions;
    private final Meter rejections;
    private final Meter welcomes;
    private final Meter cacheHits;
    private final Meter cacheMisses;

    @Activate
    public DropwizardLoyaltyMeter(@Reference MetricRegistry registry) {
        this.registry = registry;
        pointsAwarded = registry.meter(PREFIX + "points.awarded");
        pointsRedeemed = registry.meter(PREFIX + "points.redeemed");
        awards = registry.meter(PREFIX + "awards");
        redemptions = registry.meter(PREFIX + "redemptions");
        rejections = registry.meter(PREFIX + "redemptions.rejected");
        welcomes = registry.meter(PREFIX + "welcomes");
        cacheHits = registry.meter(PREFIX + "balance.reads;cache=hit");
        cacheMisses = registry.meter(PREFIX + "balance.reads;cache=miss");
    }

    @Deactivate
    void removeMetrics() {
        registry.removeMatching((name, metric) -> name.startsWith(PREFIX));
    }

    @Override
    public void awarded(int points) {
        awards.mark();
        pointsAwarded.mark(points);
    }

    @Override
    public void redeemed(int points) {
        redemptions.mark();
        pointsRedeemed.mark(points);
    }

    @Override
    public void rejected() {
        rejections.mark();
    }

    @Override
    public void welcomed() {
        welcomes.mark();
    }

    @Override
    public void balanceRead(boolean cacheHit) {
        (cacheHit ? cacheHits : cacheMisses).mark();
    }
}
