package io.mosaic.crm.platform.security.internal.user;

import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of each resource a user may not see. A role's rule hides a field; as grants add up
 * over roles, so does visibility: a field stays hidden only if every role of the user that may
 * read the resource hides it. Immutable.
 */
public final class HiddenFields {
    public static final HiddenFields NONE = new HiddenFields(Map.of());

    /** One stored rule: {@code role} does not see {@code field} of {@code resource}. */
    public record Rule(String role, String resource, String field) {
    }

    private final Map<String, Set<String>> byResource;

    private HiddenFields(Map<String, Set<String>> byResource) {
        this.byResource = Map.copyOf(byResource);
    }

    /**
     * @param grantsByRole every role of the user with its grants (roles without grants included)
     * @param rules the hiding rules of those roles
     */
    public static HiddenFields of(Map<String, List<Grants.Grant>> grantsByRole, List<Rule> rules) {
        if (rules.isEmpty()) {
            return NONE;
        }
        Map<String, Set<String>> result = new HashMap<>();
        Set<String> resources = new HashSet<>();
        rules.forEach(r -> resources.add(r.resource()));
        for (String resource : resources) {
            Permission read = Permission.of(resource, Action.READ);
            Set<String> hidden = null;
            for (Map.Entry<String, List<Grants.Grant>> role : grantsByRole.entrySet()) {
                if (role.getValue().stream().noneMatch(g -> g.covers(read))) {
                    continue; // this role does not read the resource: it has no say
                }
                Set<String> ofRole = new HashSet<>();
                rules.stream().filter(r -> r.role().equals(role.getKey()) && r.resource().equals(resource))
                        .forEach(r -> ofRole.add(r.field()));
                if (hidden == null) {
                    hidden = ofRole;
                } else {
                    hidden.retainAll(ofRole);
                }
            }
            if (hidden != null && !hidden.isEmpty()) {
                result.put(resource, Set.copyOf(hidden));
            }
        }
        return new HiddenFields(result);
    }

    public Set<String> of(String resource) {
        return byResource.getOrDefault(resource, Set.of());
    }

    @Override
    public String toString() {
        return byResource.toString();
    }
}
