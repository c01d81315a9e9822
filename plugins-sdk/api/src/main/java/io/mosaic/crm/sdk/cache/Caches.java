package io.mosaic.crm.sdk.cache;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a module declares its caches. The service is bundle-scoped: every bundle gets its own
 * view, and the caches a bundle declared are removed when it stops (or releases the service), so
 * an updated module starts with empty caches of its new classes.
 *
 * <p>Operators may override the declared size and time-to-live per cache with the factory
 * configuration {@code io.mosaic.crm.cache~<name>} ({@code heapEntries}, {@code ttlSeconds}); the
 * override applies live, before or after the declaration.
 */
@ProviderType
public interface Caches {

    /**
     * Creates the cache {@code spec.name()} or returns the one this bundle already declared with
     * the same key and value types. Declaring a name again with other types, or a name that
     * another bundle holds, replaces that cache: the earlier handles stop caching (every read
     * misses, writes are ignored) but keep working.
     */
    <K, V> NamedCache<K, V> declare(CacheSpec<K, V> spec);
}
