package io.mosaic.crm.platform.monitoring.internal;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.osgi.framework.Bundle;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether this node can serve: the database answers a real {@code SELECT 1}, and every module
 * meant to run (persistently started; a module an administrator disabled is not) is ACTIVE.
 * The result names only check outcomes and module ids, never URLs, users or error texts, which
 * go to the log instead.
 */
final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    /** The outcome: {@code checks} maps each check to {@code up} or {@code down}. */
    record Report(boolean ready, Map<String, String> checks, List<String> inactiveModules) {}

    private final Supplier<Bundle[]> bundles;
    private volatile boolean databaseWasUp = true;

    /** @param bundles the installed bundles, e.g. {@code context::getBundles} */
    Readiness(Supplier<Bundle[]> bundles) {
        this.bundles = bundles;
    }

    Report check(Database database) {
        boolean dbUp = databaseAnswers(database);
        List<String> inactive = inactiveModules();
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", dbUp ? "up" : "down");
        checks.put("modules", inactive.isEmpty() ? "up" : "down");
        return new Report(dbUp && inactive.isEmpty(), checks, inactive);
    }

    private boolean databaseAnswers(Database database) {
        if (database == null) {
            return false;
        }
        try {
            Integer one = database.jdbi().withHandle(h -> h.createQuery("SELECT 1")
                    .setQueryTimeout(QUERY_TIMEOUT_SECONDS).mapTo(Integer.class).one());
            databaseWasUp = true;
            return one != null && one == 1;
        } catch (RuntimeException e) {
            if (databaseWasUp) {
                LOG.warn("readiness: the database does not answer: {}", e.getMessage());
            }
            databaseWasUp = false;
            return false;
        }
    }

    private List<String> inactiveModules() {
        List<String> inactive = new ArrayList<>();
        for (Bundle bundle : bundles.get()) {
            String header = bundle.getHeaders("").get(ModuleDescriptor.HEADER);
            if (header == null || bundle.getState() == Bundle.ACTIVE || !meantToRun(bundle)) {
                continue;
            }
            try {
                inactive.add(ModuleDescriptor.parse(header, bundle.getVersion().toString()).id());
            } catch (IllegalArgumentException e) {
                inactive.add(bundle.getSymbolicName());
            }
        }
        inactive.sort(null);
        return inactive;
    }

    private static boolean meantToRun(Bundle bundle) {
        BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
        return level == null || level.isPersistentlyStarted();
    }
}
