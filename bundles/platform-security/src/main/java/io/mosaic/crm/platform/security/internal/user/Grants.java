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

    /**
     * One grant; {@code action} is null for every action; {@code ownOnly} limits it to records the
     * caller owns.
     */
    public record Grant(String resource, Action action, boolean ownOnly) {
        public Grant(String resource, Action action) {
            this(resource, action, false);
        }

        /** Reads a stored grant: a resource pattern and an action name or {@code *}. */
        public static Optional<Grant> parse(String resource, String action) {
            return parse(resource, action, "all");
        }

        /** Reads a stored grant with its scope, {@code all} or {@code own}. */
        public static Optional<Grant> parse(String resource, String action, String scope) {
            if (resource == null || action == null || !RESOURCE.matcher(resource).matches()
                    || !("all".equals(scope) || "own".equals(scope))) {
                return Optional.empty();
            }
            boolean own = "own".equals(scope);
            if (ANY.equals(action)) {
                return Optional.of(new Grant(resource, null, own));
            }
            try {
                return Optional.of(new Grant(resource, Action.valueOf(action.toUpperCase(Locale.ROOT)), own));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }

        /** The textual form {@code resource:action} (action lower case or {@code *}), plus {@code :own}. */
        public String text() {
            return resource + ":" + (action == null ? ANY : action.name().toLowerCase(Locale.ROOT))
                    + (ownOnly ? ":own" : "");
        }

        public boolean covers(Permission p) {
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

    /** Whether {@code permission} is allowed, but only through grants limited to the caller's own records. */
    public boolean ownOnly(Permission permission) {
        return allows(permission) && grants.stream().noneMatch(g -> !g.ownOnly() && g.covers(permission));
    }

    /** The grants themselves (without any scope limit). */
    public List<Grant> list() {
        return grants;
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
