package io.mosaic.crm.platform.admin.internal;

import com.codahale.metrics.MetricRegistry;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.hooks.bundle.FindHook;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A jar dropped into {@code plugins/} under a new file name whose symbolic name is already installed
 * from another file there ({@code tags-1.0.1.jar} next to {@code tags-1.0.0.jar}) updates that bundle
 * in place — same bundle id, requests parked like any update — and the old file is moved to
 * {@code plugins/.replaced/}. A byte-identical copy changes nothing and is moved there itself.
 *
 * <p>FileInstall alone would install a second bundle of the same name (different versions), or tie
 * the one bundle to both files (same version), so that deleting either uninstalls it. This is a
 * FileInstall {@link ArtifactInstaller} that claims only such jars, and afterwards owns the file
 * that now provides the bundle (its updates and its removal). Because a bundle's location cannot
 * change, the adopted bundle keeps the old file's location; a {@link FindHook} hides it from
 * FileInstall so that FileInstall, seeing the old file gone, has nothing to uninstall.
 */
@Component(service = {ArtifactInstaller.class, FindHook.class, PluginReplacement.class},
        property = Constants.SERVICE_RANKING + ":Integer=100")
public final class PluginReplacement implements ArtifactInstaller, FindHook {
    static final String REPLACED = ".replaced";
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";
    private static final Logger LOG = LoggerFactory.getLogger(PluginReplacement.class);

    private final BundleContext context;
    private final Path plugins;
    /** The files this owns, each with the bundle it provides (installed from another location). */
    private final Map<Path, Long> owners = new ConcurrentHashMap<>();
    private final ReplacementMeters meters = new ReplacementMeters();

    @Activate
    public PluginReplacement(BundleContext context) {
        this.context = context;
        String home = context.getProperty("mosaic.home");
        this.plugins = home == null ? null : Path.of(home, "plugins").toAbsolutePath().normalize();
    }

    @Override
    public boolean canHandle(File artifact) {
        Path file = normal(artifact);
        return owners.containsKey(file) || inPlugins(file) && Files.isRegularFile(file) && rival(file).isPresent();
    }

    @Override
    public void install(File artifact) throws Exception {
        Path file = normal(artifact);
        Optional<Bundle> rival = rival(file);
        if (rival.isEmpty()) {
            installFresh(file); // the other file's bundle went away meanwhile
            return;
        }
        Bundle bundle = rival.get();
        Path old = sourceOf(bundle);
        if (old != null && Files.isRegularFile(old) && Files.mismatch(old, file) == -1) {
            Path aside = moveAside(file);
            meters.copies.incrementAndGet();
            LOG.info("plugin {}: {} is a copy of {}, which stays installed (bundle {}); the copy was moved to {}",
                    bundle.getSymbolicName(), file.getFileName(), old.getFileName(), bundle.getBundleId(), aside);
            return;
        }
        String before = bundle.getVersion().toString();
        owners.put(file, bundle.getBundleId()); // hidden from FileInstall from now on
        try {
            update(bundle, file);
        } catch (BundleException | IOException | RuntimeException e) {
            owners.remove(file); // the old file keeps the bundle, FileInstall keeps managing it
            meters.failures.incrementAndGet();
            LOG.warn("plugin {}: {} cannot replace {} (bundle {} keeps {}): {}", bundle.getSymbolicName(),
                    file.getFileName(), old == null ? "it" : old.getFileName(), bundle.getBundleId(), before, e.getMessage());
            throw e;
        }
        meters.replacements.incrementAndGet();
        if (old != null) {
            owners.remove(old);
            if (Files.exists(old)) {
                Path aside = moveAside(old);
                LOG.info("plugin {}: {} replaces {} (bundle {} updated in place, {} -> {}); {} was moved to {}"
                                + " (FileInstall will warn that it cannot uninstall bundle {} for it: expected, the bundle"
                                + " is the new file's now)", bundle.getSymbolicName(), file.getFileName(), old.getFileName(),
                        bundle.getBundleId(), before, bundle.getVersion(), old.getFileName(), aside, bundle.getBundleId());
            }
        }
    }

    @Override
    public void update(File artifact) throws Exception {
        Path file = normal(artifact);
        Long id = owners.get(file);
        Bundle bundle = id == null ? null : context.getBundle(id);
        if (bundle == null) {
            owners.remove(file);
            install(file.toFile());
            return;
        }
        try {
            update(bundle, file);
        } catch (BundleException | IOException | RuntimeException e) {
            meters.failures.incrementAndGet();
            LOG.warn("plugin {}: bundle {} cannot be updated from {}: {}", bundle.getSymbolicName(), id,
                    file.getFileName(), e.getMessage());
            throw e;
        }
        LOG.info("plugin {}: bundle {} updated from {} to {}", bundle.getSymbolicName(), id, file.getFileName(),
                bundle.getVersion());
    }

    @Override
    public void uninstall(File artifact) throws Exception {
        Path file = normal(artifact);
        Long id = owners.remove(file);
        Bundle bundle = id == null ? null : context.getBundle(id);
        if (bundle != null) {
            bundle.uninstall();
            refresh(bundle);
            LOG.info("plugin {}: {} was deleted, bundle {} uninstalled", bundle.getSymbolicName(), file.getFileName(), id);
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(MetricRegistry registry) {
        meters.bind(registry);
    }

    void unbindMetrics(MetricRegistry registry) {
        meters.unbind(registry);
    }

    @Deactivate
    void removeMetrics() {
        meters.unbindAll();
    }

    /** Hides adopted bundles from FileInstall, which would uninstall them when their original file goes. */
    @Override
    public void find(BundleContext asking, Collection<Bundle> bundles) {
        if (owners.isEmpty() || !FILEINSTALL.equals(symbolicNameOf(asking))) {
            return;
        }
        bundles.removeIf(b -> owners.containsValue(b.getBundleId()));
    }

    /** The bundle a file provides, for the plugins listing: its own, or the one it took over. */
    Optional<Long> providedBy(Path file) {
        return Optional.ofNullable(owners.get(file.toAbsolutePath().normalize()));
    }

    private void update(Bundle bundle, Path file) throws BundleException, IOException, InterruptedException {
        try (InputStream in = Files.newInputStream(file)) {
            bundle.update(in);
        }
        refresh(bundle);
    }

    private void installFresh(Path file) throws BundleException, IOException {
        Bundle bundle;
        try (InputStream in = Files.newInputStream(file)) {
            bundle = context.installBundle(file.toUri().toString(), in);
        }
        bundle.adapt(BundleStartLevel.class).setStartLevel(PluginsDirectory.PLUGINS_LEVEL);
        owners.put(file, bundle.getBundleId());
        if (bundle.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
            bundle.start();
        }
    }

    /**
     * Drops the bundle's old revision and rewires its dependants, as FileInstall does after an
     * update — only when an old revision is still in use, to spare the plugin a second restart.
     */
    private void refresh(Bundle bundle) throws InterruptedException {
        FrameworkWiring wiring = context.getBundle(0).adapt(FrameworkWiring.class);
        if (!wiring.getRemovalPendingBundles().contains(bundle)) {
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        wiring.refreshBundles(List.of(bundle), event -> {
            if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED || event.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        if (!done.await(30, TimeUnit.SECONDS)) {
            LOG.warn("plugin {}: the framework did not finish rewiring within 30 s", bundle.getSymbolicName());
        }
    }

    /** The installed bundle of the jar's symbolic name that another file of plugins/ provides. */
    private Optional<Bundle> rival(Path file) {
        String name = JarManifest.identity(file)[0];
        if (name == null) {
            return Optional.empty();
        }
        for (Bundle bundle : context.getBundles()) {
            if (name.equals(bundle.getSymbolicName())) {
                Path source = sourceOf(bundle);
                if (source != null && !source.equals(file) && inPlugins(source)) {
                    return Optional.of(bundle);
                }
            }
        }
        return Optional.empty();
    }

    /** The file that provides the bundle now: the one that took it over, else its location. */
    private Path sourceOf(Bundle bundle) {
        for (Map.Entry<Path, Long> owner : owners.entrySet()) {
            if (owner.getValue() == bundle.getBundleId()) {
                return owner.getKey();
            }
        }
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

    private Path moveAside(Path file) throws IOException {
        Path dir = Files.createDirectories(plugins.resolve(REPLACED));
        Path target = dir.resolve(file.getFileName());
        return Files.move(file, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private boolean inPlugins(Path file) {
        return plugins != null && plugins.equals(file.getParent());
    }

    private static Path normal(File file) {
        return file.toPath().toAbsolutePath().normalize();
    }

    private static String symbolicNameOf(BundleContext context) {
        try {
            return context.getBundle().getSymbolicName();
        } catch (IllegalStateException e) {
            return null;
        }
    }
}
