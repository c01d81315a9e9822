package io.mosaic.crm.platform.security.internal.token;

/** A token as its owner sees it in lists: its visible prefix, never the secret. Times are ISO-8601 UTC. */
public record TokenView(long id, String name, String prefix, String scope, String expiresAt, String lastUsedAt,
        String revokedAt, String createdAt) {
}
