package io.mosaic.crm.sdk.security;

import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/** An authenticated caller. */
@ProviderType
public interface Principal {

    long userId();

    String name();

    Set<String> roles();

    /** Whether this caller holds {@code permission} (for all records or only for their own). */
    boolean may(Permission permission);

    /**
     * Whether {@code permission} is held only for records the caller owns ({@code ownerId} equal to
     * {@link #userId()}). Routes of owned entities must then limit lists to the caller's records and
     * answer 404 for other records. False when the permission is held for all records (or not at all).
     */
    default boolean ownOnly(Permission permission) {
        return false;
    }

    /**
     * Fields of {@code resource} (e.g. {@code customers.accounts}) this caller must not see, by their
     * JSON names (e.g. {@code annualRevenue}). The platform removes them from JSON answers of routes
     * on that resource; routes that write other formats (CSV exports) must drop them themselves.
     */
    default Set<String> hiddenFields(String resource) {
        return Set.of();
    }

    /**
     * The anti-CSRF token, present when the caller was authenticated by ambient credentials (a
     * browser session cookie): then every state-changing request must carry it in
     * {@code X-CSRF-Token}. Empty for callers that sent explicit credentials (Bearer, Basic).
     */
    default Optional<String> csrfToken() {
        return Optional.empty();
    }
}
