package io.mosaic.crm.sdk.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The declaration of a cache: its name, key and value types, and the defaults of its size (heap
 * entries) and time-to-live. {@link Duration#ZERO} as time-to-live means entries never expire.
 *
 * <pre>{@code
 * CacheSpec.of("accounts", Long.class, Account.class).heapEntries(10_000).ttl(Duration.ofMinutes(10))
 * }</pre>
 *
 * @param name        lower-case letters, digits, {@code .}, {@code _} and {@code -}, at most 64; unique in the platform
 * @param keyType     the class of keys
 * @param valueType   the class of values
 * @param heapEntries the default capacity, at least 1
 * @param ttl         the default time-to-live, not negative; zero for none
 */
public record CacheSpec<K, V>(String name, Class<K> keyType, Class<V> valueType, long heapEntries, Duration ttl) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    /** The default capacity of {@link #of}. */
    public static final long DEFAULT_HEAP_ENTRIES = 1000;

    public CacheSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keyType, "keyType");
        Objects.requireNonNull(valueType, "valueType");
        Objects.requireNonNull(ttl, "ttl");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("cache name must match " + NAME + ": " + name);
        }
        if (heapEntries < 1) {
            throw new IllegalArgumentException("heapEntries must be at least 1: " + heapEntries);
        }
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + ttl);
        }
    }

    /** A cache of {@value #DEFAULT_HEAP_ENTRIES} entries whose entries never expire. */
    public static <K, V> CacheSpec<K, V> of(String name, Class<K> keyType, Class<V> valueType) {
        return new CacheSpec<>(name, keyType, valueType, DEFAULT_HEAP_ENTRIES, Duration.ZERO);
    }

    /** The same declaration with another default capacity. */
    public CacheSpec<K, V> heapEntries(long entries) {
        return new CacheSpec<>(name, keyType, valueType, entries, ttl);
    }

    /** The same declaration with another default time-to-live. */
    public CacheSpec<K, V> ttl(Duration timeToLive) {
        return new CacheSpec<>(name, keyType, valueType, heapEntries, timeToLive);
    }
}
