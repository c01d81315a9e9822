package io.mosaic.crm.platform.admin.internal;

import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Any installed bundle, module or not. {@code problems} says in words why an unresolved bundle
 * cannot resolve; {@code changeable} whether the admin API may update or uninstall it.
 */
record BundleView(long id, String symbolicName, String version, String state, int startLevel, boolean fragment,
        String location, boolean changeable, List<String> problems) {

    static BundleView of(Bundle bundle) {
        return of(bundle, null);
    }

    static BundleView of(Bundle bundle, FrameworkWiring wiring) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        int startLevel = level == null ? 0 : level.getStartLevel();
        return new BundleView(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                Modules.state(bundle.getState()), startLevel, bundle.getHeaders("").get("Fragment-Host") != null,
                bundle.getLocation(), BundleOperations.changeable(bundle), WiringProblems.of(bundle, wiring));
    }
}
