package io.mosaic.crm.platform.http.internal;

import io.mosaic.crm.platform.http.internal.route.ModuleCatalog;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.util.tracker.BundleTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps the {@link ModuleCatalog} in step with the installed bundles that carry a {@code Mosaic-Module} header. */
final class ModuleTracker extends BundleTracker<ModuleDescriptor> {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleTracker.class);
    private static final int INSTALLED_AT_ALL = Bundle.INSTALLED | Bundle.RESOLVED | Bundle.STARTING
            | Bundle.STOPPING | Bundle.ACTIVE;

    private final ModuleCatalog catalog;

    ModuleTracker(BundleContext context, ModuleCatalog catalog) {
        super(context, INSTALLED_AT_ALL, null);
        this.catalog = catalog;
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
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, ModuleDescriptor module) {
        catalog.remove(bundle.getBundleId());
    }
}
