package io.mosaic.crm.platform.cache.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cache", description = "Size and time-to-live of one named cache; one factory "
        + "configuration io.mosaic.crm.cache~<name> per cache. Applied live: a larger size at once, a smaller one "
        + "lazily (entries over it are evicted as new ones come in); a new time-to-live replaces the cache by an "
        + "empty one (entries are loaded again).")
@interface CacheSettings {
    @AttributeDefinition(description = "The cache's name; empty: the part of the PID after '~'")
    String name() default "";

    @AttributeDefinition(min = "1", max = "100000000", description = "Most entries kept on the heap")
    long heapEntries() default 1000;

    @AttributeDefinition(min = "0", max = "31536000", description = "Seconds an entry lives after it was stored; 0: no expiry")
    long ttlSeconds() default 0;
}
