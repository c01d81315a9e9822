package io.mosaic.crm.platform.http.internal.testing;

import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.AuthRequest;
import io.mosaic.crm.sdk.security.Authenticator;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * HTTP Basic with fixed users: {@code admin} may do anything, {@code reader} may only read,
 * {@code support} reads and creates; all have the password {@code secret}. {@link #BEARER_TOKEN} is
 * an API token of {@code admin}, {@link #SESSION_COOKIE} the session of a {@code browser} admin. The real authenticator is tested in the itests.
 */
public final class TestAuthenticator implements Authenticator {

    public record TestPrincipal(long userId, String name, Set<String> roles) implements Principal {
        @Override
        public boolean may(Permission permission) {
            return roles.contains("admin") || permission.action() == Action.READ
                    || (roles.contains("support") && permission.action() == Action.CREATE);
        }

        /** A {@code support} user does not see the items' names. */
        @Override
        public Set<String> hiddenFields(String resource) {
            return roles.contains("support") && resource.equals("demo.items") ? Set.of("name") : Set.of();
        }

        /** The {@code browser} user signed in by session cookie: state changes need the CSRF token. */
        @Override
        public Optional<String> csrfToken() {
            return name.equals("browser") ? Optional.of(CSRF_TOKEN) : Optional.empty();
        }
    }

    public static final String SESSION_COOKIE = "mosaic_session=s3ss10n";
    public static final String CSRF_TOKEN = "csrf-t0ken";
    /** An API token of {@code admin}. */
    public static final String BEARER_TOKEN = "Bearer msc_t0ken";

    private static final Map<String, TestPrincipal> USERS = Map.of(
            "admin", new TestPrincipal(1, "admin", Set.of("admin")),
            "reader", new TestPrincipal(2, "reader", Set.of("reader")),
            "support", new TestPrincipal(3, "support", Set.of("support")));
    private static final TestPrincipal BROWSER = new TestPrincipal(4, "browser", Set.of("admin"));

    public static String basic(String user) {
        return basic(user, "secret");
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public Optional<Principal> authenticate(AuthRequest request) {
        String authorization = request.header("Authorization").orElse(null);
        if (authorization == null && request.cookie("mosaic_session").filter("s3ss10n"::equals).isPresent()) {
            return Optional.of(BROWSER);
        }
        if (BEARER_TOKEN.equals(authorization)) {
            return Optional.of(USERS.get("admin"));
        }
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.substring(colon + 1).equals("secret")) {
            return Optional.empty();
        }
        return Optional.ofNullable(USERS.get(decoded.substring(0, colon)));
    }
}
