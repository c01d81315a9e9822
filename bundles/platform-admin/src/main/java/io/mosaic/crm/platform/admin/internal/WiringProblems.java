package io.mosaic.crm.platform.admin.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;

/**
 * Says in words why a bundle does not resolve: each mandatory requirement that no installed bundle
 * can satisfy, e.g. "needs package org.example.api [1.0,2.0) which no installed bundle exports".
 */
final class WiringProblems {
    private WiringProblems() {}

    static List<String> of(Bundle bundle, FrameworkWiring frameworkWiring) {
        if (bundle.getState() != Bundle.INSTALLED || frameworkWiring == null) {
            return List.of();
        }
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        if (revision == null) {
            return List.of("the bundle has no current revision");
        }
        List<String> problems = new ArrayList<>();
        for (Requirement requirement : revision.getRequirements(null)) {
            if (optional(requirement) || !frameworkWiring.findProviders(requirement).isEmpty()) {
                continue;
            }
            problems.add(describe(requirement));
        }
        if (problems.isEmpty()) {
            problems.add("it is not resolved; every requirement has a provider, so a dependency of one of them is missing"
                    + " or the providers conflict (uses constraints)");
        }
        return problems;
    }

    private static boolean optional(Requirement requirement) {
        return Namespace.RESOLUTION_OPTIONAL.equals(requirement.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))
                || Namespace.EFFECTIVE_ACTIVE.equals(requirement.getDirectives().get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE));
    }

    static String describe(Requirement requirement) {
        String filter = requirement.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        Map<String, String> terms = FilterTerms.parse(filter);
        return switch (requirement.getNamespace()) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "needs package " + terms.getOrDefault(PackageNamespace.PACKAGE_NAMESPACE, filter)
                    + FilterTerms.versionRange(filter) + ", which no installed bundle exports";
            case BundleNamespace.BUNDLE_NAMESPACE -> "requires bundle " + terms.getOrDefault(BundleNamespace.BUNDLE_NAMESPACE, filter)
                    + FilterTerms.versionRange(filter) + ", which is not installed";
            case HostNamespace.HOST_NAMESPACE -> "is a fragment of " + terms.getOrDefault(HostNamespace.HOST_NAMESPACE, filter)
                    + ", which is not installed";
            case "osgi.ee" -> "needs the Java environment " + filter;
            case "osgi.service" -> "needs the service " + terms.getOrDefault("objectClass", filter);
            case "osgi.extender" -> "needs the extender " + terms.getOrDefault("osgi.extender", filter)
                    + FilterTerms.versionRange(filter) + " (e.g. Declarative Services), which is not installed";
            default -> "needs a capability " + requirement.getNamespace() + " " + filter + ", which nothing provides";
        };
    }
}
