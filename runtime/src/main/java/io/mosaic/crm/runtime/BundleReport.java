package io.mosaic.crm.runtime;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** After boot, names every bundle that should run but does not, with the resolver's reason. */
final class BundleReport {
    private static final Logger LOG = LoggerFactory.getLogger(BundleReport.class);

    private BundleReport() {}

    static void log(BundleContext context) {
        List<String> problems = new ArrayList<>();
        Bundle[] bundles = context.getBundles();
        for (Bundle bundle : bundles) {
            boolean fragment = bundle.getHeaders("").get("Fragment-Host") != null;
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            boolean meantToRun = level == null || level.isPersistentlyStarted();
            if (fragment || bundle.getState() == Bundle.ACTIVE || !meantToRun) {
                continue;
            }
            problems.add(bundle.getSymbolicName() + " is " + bundle.getState() + ": " + reason(bundle));
        }
        if (problems.isEmpty()) {
            LOG.info("{} bundles installed, every enabled bundle is ACTIVE", bundles.length);
        } else {
            problems.forEach(p -> LOG.error("bundle problem: {}", p));
        }
    }

    private static String reason(Bundle bundle) {
        try {
            bundle.start(Bundle.START_TRANSIENT);
            return "started late";
        } catch (BundleException e) {
            return e.getMessage();
        }
    }
}
