package io.mosaic.crm.sdk.security;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Turns the credentials of a request into a {@link Principal}. Implemented by the platform's
 * security bundle and called by the HTTP layer for every {@code /api} request.
 */
@ProviderType
public interface Authenticator {

    /**
     * @param authorization the {@code Authorization} header, or {@code null} if absent
     * @param remoteAddress the client's address, for throttling
     * @return the caller, or empty when the credentials are missing or wrong
     */
    Optional<Principal> authenticate(String authorization, String remoteAddress);
}
