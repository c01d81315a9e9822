package io.mosaic.crm.runtime;

import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.felix.framework.FrameworkFactory;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Felix framework with Mosaic's start levels: 1 OSGi services (SCR, ConfigAdmin, Metatype,
 * EventAdmin, FileInstall), 2 libraries, 3 platform, 4 CRM modules, 5 plugins. The framework first
 * stops at level 1 until FileInstall has loaded every file of {@code config/}, so that no component
 * starts on defaults and is reconfigured a moment later (the HTTP port, say).
 */
final class Kernel {
    static final int SERVICES_LEVEL = 1;
    static final int PLUGINS_LEVEL = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Kernel.class);

    private final Distribution dist;
    private final DatabaseCoordinates db;
    private final DatabaseSupervisor supervisor;
    private Framework framework;

    /** @param supervisor the embedded database's supervisor, published to the bundles; null with an external database */
    Kernel(Distribution dist, DatabaseCoordinates db, DatabaseSupervisor supervisor) {
        this.dist = dist;
        this.db = db;
        this.supervisor = supervisor;
    }

    void start() throws Exception {
        framework = new FrameworkFactory().newFramework(properties());
        framework.init();
        if (supervisor != null) {
            // a JDK interface, so bundles read it without importing anything of the launcher
            framework.getBundleContext().registerService(Supplier.class, supervisor, new Hashtable<>(Map.of(
                    DatabaseSupervisor.SERVICE_PROPERTY, DatabaseSupervisor.SERVICE_NAME,
                    Constants.SERVICE_DESCRIPTION, "state of the embedded MariaDB and its restarts")));
        }
        new SystemBundles(framework.getBundleContext(), dist.system()).synchronize();
        new ReplacedPlugins(framework.getBundleContext(), dist.plugins()).relocate();
        framework.start();
        new ConfigurationBarrier(framework.getBundleContext(), dist).await(20, TimeUnit.SECONDS);
        raiseStartLevel(PLUGINS_LEVEL);
        BundleReport.log(framework.getBundleContext());
    }

    private Map<String, String> properties() {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, dist.data().resolve("felix-cache").toString());
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, String.valueOf(SERVICES_LEVEL));
        p.put("felix.startlevel.bundle", String.valueOf(PLUGINS_LEVEL));
        p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, String.join(",",
                "org.slf4j;version=" + slf4jVersion(),
                "org.slf4j.spi;version=" + slf4jVersion(),
                "org.slf4j.event;version=" + slf4jVersion(),
                "org.slf4j.helpers;version=" + slf4jVersion(),
                // slf4j 2's API is a binary-compatible superset of 1.7's; HikariCP still imports [1.6,2)
                "org.slf4j;version=1.7.36",
                "org.slf4j.helpers;version=1.7.36",
                // Ehcache 3.10 imports org.slf4j.event [1.7,2) as well
                "org.slf4j.event;version=1.7.36",
                "sun.misc"));
        // jdk.jfr: Jdbi emits JFR events; without it a JFR-enabled JVM (profiling) breaks every statement
        p.put(Constants.FRAMEWORK_BOOTDELEGATION, "sun.misc,jdk.jfr,jdk.jfr.*");
        p.put("felix.log.level", "1");
        // FileInstall: config/ with write-back of changes made through ConfigAdmin (the console);
        // plugins/ is watched by a second FileInstall configuration shipped in config/.
        p.put("felix.fileinstall.dir", dist.config().toString());
        p.put("felix.fileinstall.filter", ".*\\.(cfg|config)");
        p.put("felix.fileinstall.poll", "300");
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.enableConfigSave", "true");
        p.put("felix.fileinstall.log.level", "2");
        p.put("felix.fileinstall.log.default", "jul");
        p.put("mosaic.home", dist.home().toString());
        p.put("mosaic.data", dist.data().toString());
        p.put("mosaic.db.url", db.url());
        p.put("mosaic.db.user", db.user());
        p.put("mosaic.db.password", db.password());
        return p;
    }

    private static String slf4jVersion() {
        String v = org.slf4j.LoggerFactory.class.getPackage().getImplementationVersion();
        return v == null ? "2.0.0" : v;
    }

    private void raiseStartLevel(int level) throws InterruptedException {
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(level, event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        });
        if (!reached.await(60, TimeUnit.SECONDS)) {
            LOG.warn("start level {} not reached within 60 s", level);
        }
    }

    /** Stops every bundle in reverse start-level order and waits for the framework to end. */
    void stop() {
        if (framework == null) {
            return;
        }
        try {
            framework.stop();
            FrameworkEvent event = framework.waitForStop(TimeUnit.SECONDS.toMillis(30));
            if (event.getType() == FrameworkEvent.WAIT_TIMEDOUT) {
                LOG.warn("the framework did not stop within 30 s");
            }
        } catch (BundleException | InterruptedException e) {
            LOG.warn("error while stopping the framework", e);
        }
        framework = null;
    }

    void awaitStop() throws InterruptedException {
        if (framework != null) {
            framework.waitForStop(0);
        }
    }
}
