package io.mosaic.crm.platform.cache.internal;

/**
 * The bundle (through one view of the cache service) that declared a cache. Compared by identity:
 * a new view of the same bundle takes over the caches it declares again.
 */
final class Owner {
    private final long bundleId;
    private final String bundleName;

    Owner(long bundleId, String bundleName) {
        this.bundleId = bundleId;
        this.bundleName = bundleName;
    }

    long bundleId() {
        return bundleId;
    }

    String bundleName() {
        return bundleName;
    }
}
