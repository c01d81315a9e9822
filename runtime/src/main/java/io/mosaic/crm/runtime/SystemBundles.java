package io.mosaic.crm.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the framework's installed bundles match {@code system/<start level>/*.jar}: installs new
 * jars, updates those rebuilt since they were installed, uninstalls those gone. A bundle that an
 * admin stopped (a disabled module) stays stopped: its persistent state is kept across restarts.
 */
final class SystemBundles {
    private static final Logger LOG = LoggerFactory.getLogger(SystemBundles.class);
    private final BundleContext context;
    private final Path systemDir;

    SystemBundles(BundleContext context, Path systemDir) {
        this.context = context;
        this.systemDir = systemDir;
    }

    void synchronize() throws IOException, BundleException {
        Map<String, Bundle> installed = new HashMap<>();
        String prefix = systemDir.toUri().toString();
        for (Bundle b : context.getBundles()) {
            if (b.getLocation().startsWith(prefix)) {
                installed.put(b.getLocation(), b);
            }
        }
        List<Bundle> fresh = new ArrayList<>();
        boolean changed = false;
        for (Path jar : jars()) {
            int level = Integer.parseInt(systemDir.relativize(jar).getName(0).toString());
            String location = jar.toUri().toString();
            Bundle bundle = installed.remove(location);
            if (bundle == null) {
                try (InputStream in = Files.newInputStream(jar)) {
                    bundle = context.installBundle(location, in);
                }
                fresh.add(bundle);
            } else if (Files.getLastModifiedTime(jar).toMillis() > bundle.getLastModified()) {
                try (InputStream in = Files.newInputStream(jar)) {
                    bundle.update(in);
                }
                changed = true;
                LOG.info("updated {} from {}", bundle.getSymbolicName(), jar.getFileName());
            }
            bundle.adapt(BundleStartLevel.class).setStartLevel(level);
        }
        for (Bundle gone : installed.values()) {
            LOG.info("uninstalling {}: its jar is no longer in system/", gone.getSymbolicName());
            gone.uninstall();
            changed = true;
        }
        if (changed) {
            context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null);
        }
        for (Bundle bundle : fresh) {
            if (bundle.getHeaders().get("Fragment-Host") == null) {
                bundle.start();
            }
        }
    }

    private List<Path> jars() throws IOException {
        try (Stream<Path> files = Files.walk(systemDir, 2, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }
}
