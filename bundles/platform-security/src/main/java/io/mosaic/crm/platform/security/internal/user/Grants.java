package io.mosaic.crm.platform.security.internal.user;

import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A set of grants, each a resource pattern and an action. A resource pattern is a resource name,
 * {@code module.*} (that name and everything below it) or {@code *} (every resource); the action
 * {@code *} stands for every action. Immutable.
 */
public final class Grants {
    public static final Grants NONE = new Grants(List.of(), null);
    private static final Pattern RESOURCE =
            Pattern.compile("\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*(\\.\\*)?");
    private static final String ANY = "*";

    private final List<Grant> grants;
    private final Grants limit;

    private Grants(List<Grant> grants, Grants limit) {
        this.grants = List.copyOf(grants);
        this.limit = limit;
    }

    /** One grant; {@code action} is null for every action. */
    public record Grant(String resource, Action action) {
        /** Reads a stored grant: a resource pattern and an action name or {@code *}. */
        public static Optional<Grant> parse(String resource, String action) {
            if (resource == null || action == null || !RESOURCE.matcher(resource).matches()) {
                return Optional.empty();
            }
            if (ANY.equals(action)) {
                return Optional.of(new Grant(resource, null));
            }
            try {
                return Optional.of(new Grant(resource, Action.valueOf(action.toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        boolean covers(Permission p) {
            if (action != null && action != p.action()) {
                return false;
            }
            if (ANY.equals(resource)) {
                return true;
            }
            if (resource.endsWith(".*")) {
                String base = resource.substring(0, resource.length() - 2);
                return p.resource().equals(base) || p.resource().startsWith(base + ".");
            }
            return resource.equals(p.resource());
        }
    }

    public static Grants of(List<Grant> grants) {
        return new Grants(grants, null);
    }

    /**
     * Reads a token scope: grants {@code resource:action} separated by spaces, e.g.
     * {@code customers.*:read reports:export}.
     *
     * @throws IllegalArgumentException if any part is malformed
     */
    public static Grants parseScope(String scope) {
        var parsed = new ArrayList<Grant>();
        for (String part : scope.trim().split("\\s+")) {
            int colon = part.lastIndexOf(':');
            Optional<Grant> grant = colon < 0 ? Optional.empty()
                    : Grant.parse(part.substring(0, colon), part.substring(colon + 1));
            parsed.add(grant.orElseThrow(() -> new IllegalArgumentException("malformed scope entry: " + part)));
        }
        return of(parsed);
    }

    /** Whether these grants cover {@code permission}. */
    public boolean allows(Permission permission) {
        return grants.stream().anyMatch(g -> g.covers(permission)) && (limit == null || limit.allows(permission));
    }

    /** These grants, further limited to what {@code scope} allows as well. */
    public Grants within(Grants scope) {
        return new Grants(grants, limit == null ? scope : limit.within(scope));
    }

    @Override
    public String toString() {
        return grants + (limit == null ? "" : " within " + limit);
    }
}
