package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes installed bundles: update from an uploaded jar, uninstall. Only CRM modules and plugins
 * (start level 4 and up) may be changed; the framework, libraries and platform bundles may not,
 * because the console itself runs on them. Every change ends with a package refresh.
 */
final class BundleOperations {
    static final int FIRST_CHANGEABLE_LEVEL = 4;
    private static final Logger LOG = LoggerFactory.getLogger(BundleOperations.class);

    private final BundleContext context;

    BundleOperations(BundleContext context) {
        this.context = context;
    }

    FrameworkWiring wiring() {
        return context.getBundle(0).adapt(FrameworkWiring.class);
    }

    static boolean changeable(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        boolean core = Modules.descriptor(bundle).map(d -> d.core()).orElse(false);
        return bundle.getBundleId() != 0 && level != null && level.getStartLevel() >= FIRST_CHANGEABLE_LEVEL && !core;
    }

    BundleView get(long id) {
        return BundleView.of(find(id), wiring());
    }

    /** Replaces the bundle's content with the uploaded jar, which must carry the same symbolic name. */
    BundleView update(long id, JarUpload upload, String user) {
        Bundle bundle = changeableBundle(id);
        byte[] jar = decode(upload);
        String name = JarManifest.symbolicName(jar);
        if (!bundle.getSymbolicName().equals(name)) {
            throw new ValidationException("content", "symbolic name " + name + " is not " + bundle.getSymbolicName()
                    + "; install a different bundle through plugins/ instead");
        }
        String before = bundle.getVersion().toString();
        try (InputStream in = new ByteArrayInputStream(jar)) {
            bundle.update(in);
        } catch (BundleException e) {
            throw new ConflictException("update of bundle " + id + " failed: " + e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        refresh(bundle);
        LOG.info("bundle {} ({}) updated from {} to {} by {}", id, name, before, bundle.getVersion(), user);
        return get(id);
    }

    void uninstall(long id, String user) {
        Bundle bundle = changeableBundle(id);
        try {
            bundle.uninstall();
        } catch (BundleException e) {
            throw new ConflictException("uninstall of bundle " + id + " failed: " + e.getMessage());
        }
        refresh(bundle);
        LOG.info("bundle {} ({}) uninstalled by {}", id, bundle.getSymbolicName(), user);
    }

    private Bundle changeableBundle(long id) {
        Bundle bundle = find(id);
        if (!changeable(bundle)) {
            throw new ConflictException("bundle " + id + " (" + bundle.getSymbolicName()
                    + ") is part of the platform; only CRM modules and plugins can be updated or uninstalled");
        }
        return bundle;
    }

    private Bundle find(long id) {
        Bundle bundle = context.getBundle(id);
        if (bundle == null) {
            throw new NotFoundException("bundle", id);
        }
        return bundle;
    }

    private static byte[] decode(JarUpload upload) {
        if (upload == null || upload.content() == null || upload.content().isEmpty()) {
            throw new ValidationException("content", "required: the jar in Base64");
        }
        try {
            return Base64.getDecoder().decode(upload.content());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("invalid_base64", "content is not Base64: " + e.getMessage());
        }
    }

    /** Rewires the changed bundle and its dependants, waiting for the framework to finish. */
    void refresh(Bundle bundle) {
        CountDownLatch done = new CountDownLatch(1);
        wiring().refreshBundles(List.of(bundle), event -> {
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
    }
}
