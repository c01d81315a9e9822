package io.mosaic.crm.sdk.security;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The right to perform an {@link Action} on a resource, such as {@code customers.accounts} READ.
 * Resource names are lower-case words separated by dots: the module id, then the entity.
 */
public record Permission(String resource, Action action) {
    private static final Pattern RESOURCE = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final String ANY_SIGNED_IN = "authenticated";
    private static final String ANYONE = "public";

    public Permission {
        Objects.requireNonNull(action, "action");
        if (resource == null || !RESOURCE.matcher(resource).matches()) {
            throw new IllegalArgumentException("resource must be dotted lower-case words: " + resource);
        }
    }

    public static Permission of(String resource, Action action) {
        return new Permission(resource, action);
    }

    /** A permission every authenticated caller holds. */
    public static Permission authenticated() {
        return new Permission(ANY_SIGNED_IN, Action.READ);
    }

    /**
     * A route anyone may call without credentials: health probes, the console's login page and
     * static files. Use sparingly; such a route must reveal nothing a stranger should not see.
     */
    public static Permission anonymous() {
        return new Permission(ANYONE, Action.READ);
    }

    public boolean isAuthenticatedOnly() {
        return ANY_SIGNED_IN.equals(resource);
    }

    /** Whether callers need no credentials at all, see {@link #anonymous()}. */
    public boolean isPublic() {
        return ANYONE.equals(resource);
    }

    /** The textual form {@code resource:action}, e.g. {@code customers.accounts:read}. */
    @Override
    public String toString() {
        return resource + ":" + action.name().toLowerCase(java.util.Locale.ROOT);
    }
}
