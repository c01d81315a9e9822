package io.mosaic.crm.platform.admin.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;

/** Any installed bundle, module or not. */
record BundleView(long id, String symbolicName, String version, String state, int startLevel, boolean fragment) {

    static BundleView of(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return new BundleView(bundle.getBundleId(), bundle.getSymbolicName(), bundle.getVersion().toString(),
                Modules.state(bundle.getState()), level == null ? 0 : level.getStartLevel(),
                bundle.getHeaders("").get("Fragment-Host") != null);
    }
}
