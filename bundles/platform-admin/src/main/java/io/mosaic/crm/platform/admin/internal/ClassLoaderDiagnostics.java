package io.mosaic.crm.platform.admin.internal;

import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Shows whether the class loaders of updated or uninstalled bundles are really gone:
 * {@code GET /api/platform/diagnostics/classloaders}. It remembers every bundle class loader it sees
 * through a {@link WeakReference} only (so it never keeps one alive itself), runs the garbage
 * collector, and reports the loaders that are no longer any bundle's current one but are still
 * reachable: each is a leak (a thread, timer, ThreadLocal, cache or registry entry holding it).
 */
@Component(service = Endpoint.class)
public final class ClassLoaderDiagnostics implements Endpoint, SynchronousBundleListener {
    private static final Permission ADMIN = Permission.of("platform.modules", Action.ADMIN);
    private static final int MAX_TRACKED = 10_000;

    private record Tracked(long bundleId, String symbolicName, String version, WeakReference<ClassLoader> loader) {}

    private final BundleContext context;
    private final Queue<Tracked> tracked = new ConcurrentLinkedQueue<>();

    @Activate
    public ClassLoaderDiagnostics(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            remember(bundle);
        }
    }

    @Deactivate
    void stop() {
        context.removeBundleListener(this);
        tracked.clear();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (event.getType() == BundleEvent.RESOLVED || event.getType() == BundleEvent.STARTED) {
            remember(event.getBundle());
        }
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/diagnostics/classloaders", ADMIN, this::report)
                .summary("Class loaders of updated or uninstalled bundles still reachable after a garbage collection")
                .queryParameter("symbolicName", "only bundles with this symbolic name");
    }

    Map<String, Object> report(ApiRequest request) throws InterruptedException {
        String only = request.query("symbolicName").orElse(null);
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        int current = 0;
        long gone = 0;
        List<Map<String, Object>> retained = new ArrayList<>();
        for (Tracked t : tracked) {
            if (only != null && !only.equals(t.symbolicName())) {
                continue;
            }
            ClassLoader loader = t.loader().get();
            if (loader == null) {
                gone++;
            } else if (loader == currentLoader(context.getBundle(t.bundleId()))) {
                current++;
            } else {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("bundleId", t.bundleId());
                item.put("symbolicName", t.symbolicName());
                item.put("version", t.version());
                retained.add(item);
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("current", current);
        json.put("retained", retained.size());
        json.put("collected", gone);
        json.put("items", retained);
        return json;
    }

    private void remember(Bundle bundle) {
        ClassLoader loader = currentLoader(bundle);
        if (loader == null || tracked.stream().anyMatch(t -> t.loader().get() == loader)) {
            return;
        }
        if (tracked.size() < MAX_TRACKED) {
            tracked.add(new Tracked(bundle.getBundleId(), String.valueOf(bundle.getSymbolicName()),
                    bundle.getVersion().toString(), new WeakReference<>(loader)));
        }
    }

    private static ClassLoader currentLoader(Bundle bundle) {
        if (bundle == null || bundle.getBundleId() == 0) {
            return null;
        }
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        return wiring == null ? null : wiring.getClassLoader();
    }
}
