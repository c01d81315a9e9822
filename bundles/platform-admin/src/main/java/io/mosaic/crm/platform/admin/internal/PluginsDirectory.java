package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jars in {@code plugins/}. FileInstall installs what is dropped there; this installs a jar that is
 * there but not installed (uninstalled earlier, or copied while FileInstall was off), at the plugins'
 * start level, under the same location FileInstall uses so that both agree on it.
 */
final class PluginsDirectory {
    static final int PLUGINS_LEVEL = 5;
    private static final Logger LOG = LoggerFactory.getLogger(PluginsDirectory.class);
    private static final Pattern JAR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.jar");

    private final BundleContext context;
    private final Path dir;
    private final Supplier<PluginReplacement> replacement;

    PluginsDirectory(BundleContext context, Supplier<PluginReplacement> replacement) {
        this.context = context;
        this.replacement = replacement;
        String home = context.getProperty("mosaic.home");
        this.dir = home == null ? null : Path.of(home, "plugins");
    }

    List<PluginFile> list() {
        List<PluginFile> files = new ArrayList<>();
        try (Stream<Path> jars = Files.list(directory())) {
            for (Path jar : jars.filter(p -> JAR_NAME.matcher(p.getFileName().toString()).matches()).sorted().toList()) {
                String[] identity = JarManifest.identity(jar);
                Optional<Bundle> installed = installedFrom(jar);
                files.add(new PluginFile(jar.getFileName().toString(), Files.size(jar), identity[0], identity[1],
                        installed.isPresent(), installed.map(Bundle::getBundleId).orElse(null)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return files;
    }

    /** Installs and starts one jar of plugins/; a start failure is reported in the view, not thrown. */
    BundleView install(PluginInstall request, BundleOperations operations, String user) {
        String name = request == null ? null : request.file();
        if (name == null || !JAR_NAME.matcher(name).matches()) {
            throw new ValidationException("file", "a jar file name in plugins/, e.g. example-plugin-1.0.jar");
        }
        Path jar = directory().resolve(name);
        if (!Files.isRegularFile(jar)) {
            throw new NotFoundException("plugin file", name);
        }
        if (installedFrom(jar).isPresent()) {
            throw new ConflictException(name + " is installed already as bundle " + installedFrom(jar).get().getBundleId());
        }
        Bundle bundle;
        try (InputStream in = Files.newInputStream(jar)) {
            bundle = context.installBundle(location(jar), in);
        } catch (BundleException e) {
            throw new ConflictException("cannot install " + name + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        bundle.adapt(BundleStartLevel.class).setStartLevel(PLUGINS_LEVEL);
        try {
            if (bundle.getHeaders("").get("Fragment-Host") == null) {
                bundle.start();
            }
        } catch (BundleException e) {
            LOG.warn("plugin {} installed as bundle {} but did not start: {}", name, bundle.getBundleId(), e.getMessage());
        }
        LOG.info("plugin {} installed as bundle {} by {}", name, bundle.getBundleId(), user);
        return BundleView.of(bundle, operations.wiring());
    }

    private Optional<Bundle> installedFrom(Path jar) {
        PluginReplacement replacing = replacement.get();
        Optional<Long> adopted = replacing == null ? Optional.empty() : replacing.providedBy(jar);
        if (adopted.isPresent() && context.getBundle(adopted.get()) != null) {
            return Optional.of(context.getBundle(adopted.get())); // it took over a bundle installed from another file
        }
        String location = location(jar);
        String suffix = "/plugins/" + jar.getFileName();
        for (Bundle bundle : context.getBundles()) {
            String l = bundle.getLocation();
            if (l.equals(location) || l.endsWith(suffix)) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private static String location(Path jar) {
        return jar.toUri().normalize().toString();
    }

    private Path directory() {
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UnavailableException("plugins_unavailable", "there is no plugins/ directory (mosaic.home unset)");
        }
        return dir;
    }
}
