package io.mosaic.crm.sdk.security;

import java.util.Map;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns the credentials of a request into a {@link Principal}. Implemented by the platform's
 * security bundle and called by the HTTP layer for every request before routing.
 */
@ProviderType
public interface Authenticator {

    /**
     * @param request the request's method, headers (incl. {@code Authorization} and {@code Cookie}),
     *     client address and transport security
     * @return the caller, or empty when credentials are missing or wrong
     * @throws io.mosaic.crm.sdk.error.TooManyRequestsException when the client is throttled
     */
    Optional<Principal> authenticate(AuthRequest request);

    /**
     * The {@code Authorization} header alone.
     *
     * @deprecated use {@link #authenticate(AuthRequest)}, which also sees session cookies
     */
    @Deprecated
    default Optional<Principal> authenticate(String authorization, String remoteAddress) {
        Map<String, String> headers = authorization == null ? Map.of() : Map.of("Authorization", authorization);
        return authenticate(AuthRequest.of("GET", "/", headers, remoteAddress, false));
    }
}
