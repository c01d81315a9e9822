/**
 * Named caches for modules: declare a cache with a {@link io.mosaic.crm.sdk.cache.CacheSpec}
 * through {@link io.mosaic.crm.sdk.cache.Caches} and use the {@link io.mosaic.crm.sdk.cache.NamedCache}
 * it returns, cache-aside. Sizes and time-to-live are retuned live by operators (factory
 * configuration {@code io.mosaic.crm.cache~<name>}).
 */
@Export
@Version("1.0.0")
package io.mosaic.crm.sdk.cache;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
