package io.mosaic.crm.platform.security.internal.user;

/**
 * Told when something that a cached authentication depends on changes, so that the cache can
 * drop it at once instead of serving the old state until it expires.
 */
public interface SecurityChangeListener {

    /** The user's password, roles, active or locked state changed. */
    void userChanged(long userId);

    /** A role's permissions changed: any user may be affected. */
    void rolesChanged();

    /** An API token was revoked. */
    default void tokenRevoked(long tokenId) {
    }

    SecurityChangeListener NONE = new SecurityChangeListener() {
        @Override
        public void userChanged(long userId) {
        }

        @Override
        public void rolesChanged() {
        }
    };
}
