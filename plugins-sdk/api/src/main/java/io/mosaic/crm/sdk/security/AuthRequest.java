package io.mosaic.crm.sdk.security;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What an {@link Authenticator} may look at of an incoming request: its method, path, headers
 * (among them {@code Authorization} and {@code Cookie}), the client's address and whether the
 * connection is encrypted. Deliberately no body.
 */
@ProviderType
public interface AuthRequest {

    String method();

    /** The request path, e.g. {@code /api/customers/accounts}. */
    String path();

    /** A header's first value, case-insensitive. */
    Optional<String> header(String name);

    /**
     * The address of the connection's peer. Behind a reverse proxy this is the proxy; whoever
     * trusts that proxy may read {@code X-Forwarded-For} instead.
     */
    String remoteAddress();

    /** Whether this connection is TLS (a trusted proxy says so with {@code X-Forwarded-Proto}). */
    boolean secure();

    /** The value of a cookie from the {@code Cookie} header, if present. */
    default Optional<String> cookie(String name) {
        return header("Cookie").flatMap(all -> {
            for (String part : all.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0 && part.substring(0, eq).trim().equals(name)) {
                    return Optional.of(part.substring(eq + 1).trim());
                }
            }
            return Optional.empty();
        });
    }

    /** A plain view, for tests and adapters; header names are matched case-insensitively. */
    static AuthRequest of(String method, String path, Map<String, String> headers, String remoteAddress,
            boolean secure) {
        Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        copy.putAll(headers);
        return new AuthRequest() {
            @Override
            public String method() {
                return method.toUpperCase(Locale.ROOT);
            }

            @Override
            public String path() {
                return path;
            }

            @Override
            public Optional<String> header(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public String remoteAddress() {
                return remoteAddress;
            }

            @Override
            public boolean secure() {
                return secure;
            }
        };
    }
}
