package io.mosaic.crm.platform.http.internal;

import io.mosaic.crm.platform.http.internal.route.ModuleCatalog;
import io.mosaic.crm.platform.http.internal.route.ParkingLot;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the {@link ModuleCatalog} in step with the installed bundles that carry a {@code Mosaic-Module} header. */
final class ModuleTracker extends BundleTracker<ModuleDescriptor> {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleTracker.class);
    private static final int INSTALLED_AT_ALL = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING
            | Bundle.STOPPING | Bundle.ACTIVE;

    private final ModuleCatalog catalog;
    private final ParkingLot parking;

    ModuleTracker(BundleContext context, ModuleCatalog catalog, ParkingLot parking) {
        super(context, INSTALLED_AT_ALL, null);
        this.catalog = catalog;
        this.parking = parking;
    }

    /** The module a bundle declares, or empty when it has no valid header (which is logged). */
    static Optional<ModuleDescriptor> moduleOf(Bundle bundle) {
        String header = bundle.getHeaders("").get(ModuleDescriptor.HEADER);
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModuleDescriptor.parse(header, bundle.getVersion().toString()));
        } catch (IllegalArgumentException e) {
            LOG.error("bundle {} has an invalid {} header: {}", bundle.getSymbolicName(), ModuleDescriptor.HEADER,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Whether a bundle whose endpoint is leaving will be back: it is being updated or refreshed (it
     * stays persistently started), not stopped on purpose (the admin's disable clears that flag
     * before the bundle stops) nor uninstalled.
     */
    static boolean expectedBack(Bundle bundle) {
        if (bundle == null || bundle.getState() == Bundle.UNINSTALLED) {
            return false;
        }
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level != null && level.isPersistentlyStarted();
    }

    @Override
    public ModuleDescriptor addingBundle(Bundle bundle, BundleEvent event) {
        Optional<ModuleDescriptor> module = moduleOf(bundle);
        module.ifPresent(m -> catalog.put(bundle.getBundleId(), m));
        return module.orElse(null);
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, ModuleDescriptor module) {
        if (event != null && (event.getType() == BundleEvent.UPDATED || event.getType() == BundleEvent.UNRESOLVED)) {
            moduleOf(bundle).ifPresent(m -> catalog.put(bundle.getBundleId(), m)); // the header may have changed
        }
        if (event != null && event.getType() == BundleEvent.STARTING) {
            parking.expecting(module.id()); // at boot or enable: park its first requests until its endpoint is up
        }
        if (event != null && event.getType() == BundleEvent.STOPPED && !expectedBack(bundle)) {
            parking.abandon(module.id()); // stopped on purpose
        }
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ModuleDescriptor module) {
        catalog.remove(bundle.getBundleId());
        parking.abandon(module.id()); // uninstalled: its parked requests need not wait any longer
    }
}
