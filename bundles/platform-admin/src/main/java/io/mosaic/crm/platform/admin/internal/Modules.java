package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The installed modules: every bundle with a {@code Mosaic-Module} header. Disabling stops the
 * bundle persistently (it stays stopped across restarts), enabling starts it; data is untouched.
 */
final class Modules {
    private static final Logger LOG = LoggerFactory.getLogger(Modules.class);
    private final BundleContext context;

    Modules(BundleContext context) {
        this.context = context;
    }

    List<ModuleView> list() {
        List<ModuleView> views = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            descriptor(bundle).ifPresent(d -> views.add(view(bundle, d)));
        }
        views.sort(Comparator.comparing(ModuleView::id));
        return views;
    }

    List<BundleView> bundles() {
        var wiring = context.getBundle(0).adapt(org.osgi.framework.wiring.FrameworkWiring.class);
        return java.util.Arrays.stream(context.getBundles()).map(b -> BundleView.of(b, wiring)).toList();
    }

    ModuleView get(String id) {
        return view(find(id));
    }

    ModuleView disable(String id, String user) {
        Bundle bundle = find(id);
        ModuleDescriptor d = descriptor(bundle).orElseThrow();
        if (d.core()) {
            throw new ConflictException("module " + id + " is part of the platform and cannot be disabled");
        }
        try {
            bundle.stop();
        } catch (BundleException e) {
            throw new UnavailableException("module_stop_failed", "module " + id + " did not stop: " + e.getMessage());
        }
        LOG.info("module {} disabled by {}", id, user);
        return view(bundle);
    }

    ModuleView enable(String id, String user) {
        Bundle bundle = find(id);
        try {
            bundle.start();
        } catch (BundleException e) {
            throw new UnavailableException("module_start_failed", "module " + id + " did not start: " + e.getMessage());
        }
        LOG.info("module {} enabled by {}", id, user);
        return view(bundle);
    }

    private Bundle find(String id) {
        for (Bundle bundle : context.getBundles()) {
            Optional<ModuleDescriptor> d = descriptor(bundle);
            if (d.isPresent() && d.get().id().equals(id)) {
                return bundle;
            }
        }
        throw new NotFoundException("module", id);
    }

    private ModuleView view(Bundle bundle) {
        return view(bundle, descriptor(bundle).orElseThrow());
    }

    private static ModuleView view(Bundle bundle, ModuleDescriptor d) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        boolean enabled = level != null && level.isPersistentlyStarted();
        return new ModuleView(d.id(), d.name(), d.version(), d.basePath(), state(bundle.getState()), enabled, d.core(),
                bundle.getBundleId(), bundle.getSymbolicName(), level == null ? 0 : level.getStartLevel());
    }

    static Optional<ModuleDescriptor> descriptor(Bundle bundle) {
        String header = bundle.getHeaders("").get(ModuleDescriptor.HEADER);
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModuleDescriptor.parse(header, bundle.getVersion().toString()));
        } catch (IllegalArgumentException e) {
            LOG.warn("bundle {} has a bad {} header: {}", bundle.getSymbolicName(), ModuleDescriptor.HEADER, e.getMessage());
            return Optional.empty();
        }
    }

    static String state(int state) {
        return switch (state) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
