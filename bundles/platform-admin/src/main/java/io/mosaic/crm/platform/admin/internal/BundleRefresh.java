package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.UnavailableException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Refreshes a CRM module or plugin ({@code FrameworkWiring.refreshBundles}): the bundle and every
 * bundle wired to it are stopped, rewired and started again. Requests for their modules wait
 * meanwhile (request parking in platform-http) and none fails.
 */
final class BundleRefresh {
    private static final Logger LOG = LoggerFactory.getLogger(BundleRefresh.class);
    private final BundleContext context;

    BundleRefresh(BundleContext context) {
        this.context = context;
    }

    BundleView refresh(long id, String user) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new NotFoundException("bundle", id);
        }
        if (!BundleOperations.changeable(bundle)) {
            throw new ConflictException("bundle " + id + " (" + bundle.getSymbolicName()
                    + ") is part of the platform; only CRM modules and plugins can be refreshed");
        }
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            if (!done.await(30, TimeUnit.SECONDS)) {
                throw new UnavailableException("refresh_timeout", "the framework did not finish rewiring within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("interrupted", "interrupted while rewiring");
        }
        LOG.info("bundle {} ({}) refreshed by {}", id, bundle.getSymbolicName(), user);
        return BundleView.of(bundle, wiring);
    }
}
