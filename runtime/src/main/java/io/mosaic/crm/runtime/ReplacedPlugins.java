package io.mosaic.crm.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plugin that a jar under a new file name took over (platform-admin's {@code PluginReplacement})
 * keeps its old file's location, and that file is in {@code plugins/.replaced/} now. FileInstall,
 * at its first scan, would uninstall the plugin for the missing file and install the new jar as a
 * fresh bundle, started. Before the framework starts, this installs it again under the new jar's
 * location with its start level and persistent state, so that a disabled plugin stays disabled.
 */
final class ReplacedPlugins {
    private static final Logger LOG = LoggerFactory.getLogger(ReplacedPlugins.class);
    private final BundleContext context;
    private final Path plugins;

    ReplacedPlugins(BundleContext context, Path plugins) {
        this.context = context;
        this.plugins = plugins.toAbsolutePath().normalize();
    }

    void relocate() throws IOException {
        if (!Files.isDirectory(plugins)) {
            return;
        }
        Map<String, Path> jars = jarsBySymbolicName();
        Set<Path> installedFrom = new HashSet<>();
        for (Bundle bundle : context.getBundles()) {
            Path file = fileOf(bundle);
            if (file != null) {
                installedFrom.add(file);
            }
        }
        for (Bundle bundle : context.getBundles()) {
            Path file = fileOf(bundle);
            Path successor = jars.get(bundle.getSymbolicName());
            if (file == null || !plugins.equals(file.getParent()) || Files.exists(file) || successor == null
                    || installedFrom.contains(successor)) {
                continue;
            }
            try {
                relocate(bundle, successor);
            } catch (BundleException e) {
                LOG.warn("plugin {}: cannot move it to {}; FileInstall installs that afresh: {}",
                        bundle.getSymbolicName(), successor.getFileName(), e.getMessage());
            }
        }
    }

    private void relocate(Bundle bundle, Path successor) throws IOException, BundleException {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        int startLevel = level.getStartLevel();
        boolean started = level.isPersistentlyStarted();
        bundle.uninstall();
        Bundle moved;
        try (InputStream in = Files.newInputStream(successor)) {
            moved = context.installBundle(location(successor), in);
        }
        moved.adapt(BundleStartLevel.class).setStartLevel(startLevel);
        if (started && moved.getHeaders("").get("Fragment-Host") == null) {
            moved.start(); // the framework is not started yet: this marks it to start at its level
        }
        LOG.info("plugin {}: now installed from {} (bundle {}, {})", moved.getSymbolicName(), successor.getFileName(),
                moved.getBundleId(), started ? "enabled" : "disabled, as before");
    }

    private Map<String, Path> jarsBySymbolicName() throws IOException {
        Map<String, Path> jars = new HashMap<>();
        try (Stream<Path> files = Files.list(plugins)) {
            for (Path jar : files.filter(p -> p.getFileName().toString().endsWith(".jar") && Files.isRegularFile(p)).toList()) {
                String name = symbolicName(jar);
                if (name != null) {
                    jars.put(name, jar.toAbsolutePath().normalize());
                }
            }
        }
        return jars;
    }

    private static String symbolicName(Path jar) {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest manifest = in.getManifest();
            String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
            return name == null ? null : name.split(";")[0].trim();
        } catch (IOException e) {
            return null;
        }
    }

    private static Path fileOf(Bundle bundle) {
        String location = bundle.getLocation();
        if (location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            return Path.of(URI.create(location)).toAbsolutePath().normalize();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The location FileInstall gives a jar it installs ({@code file:/…}), so that it recognises the bundle. */
    private static String location(Path jar) {
        return jar.toFile().toURI().normalize().toString();
    }
}
