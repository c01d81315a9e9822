package io.mosaic.crm.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until ConfigAdmin holds a configuration for every file in {@code config/}, i.e. until
 * FileInstall's first scan is done. ConfigAdmin's classes live inside the framework, not on the
 * launcher's class path, hence the reflective call.
 */
final class ConfigurationBarrier {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationBarrier.class);
    private static final String CONFIG_ADMIN = "org.osgi.service.cm.ConfigurationAdmin";
    private final BundleContext context;
    private final Distribution dist;

    ConfigurationBarrier(BundleContext context, Distribution dist) {
        this.context = context;
        this.dist = dist;
    }

    void await(long timeout, TimeUnit unit) throws InterruptedException {
        long expected = dist.configFileCount();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        long loaded = 0;
        while (System.nanoTime() < deadline) {
            loaded = loadedConfigurations();
            if (loaded >= expected) {
                return;
            }
            Thread.sleep(25);
        }
        LOG.warn("only {} of {} configuration files were loaded in time; starting anyway", loaded, expected);
    }

    private long loadedConfigurations() {
        ServiceReference<?> ref = context.getServiceReference(CONFIG_ADMIN);
        if (ref == null) {
            return 0;
        }
        Object admin = context.getService(ref);
        try {
            Method list = admin.getClass().getMethod("listConfigurations", String.class);
            list.setAccessible(true);
            Object[] configs = (Object[]) list.invoke(admin, "(felix.fileinstall.filename=*)");
            return configs == null ? 0 : configs.length;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask ConfigAdmin for its configurations", e);
        } finally {
            context.ungetService(ref);
        }
    }
}
