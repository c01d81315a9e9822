package io.mosaic.crm.platform.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.cache.CacheSpec;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LiveCacheTest {
    private final Shelves shelves = new Shelves();
    private final CacheSpec<Long, String> spec = CacheSpec.of("things", Long.class, String.class).heapEntries(100);
    private final LiveCache<Long, String> cache = new LiveCache<>(spec, new Owner(7, "test"), new Sizing(100, Duration.ZERO), shelves);

    @AfterEach
    void close() {
        shelves.close();
    }

    @Test
    void first_read_misses_and_loads_then_hits_without_loading() {
        var loads = new AtomicInteger();
        assertThat(cache.get(1L, id -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        assertThat(cache.get(1L, id -> "v" + loads.incrementAndGet())).isEqualTo("v1");
        CacheStats stats = cache.stats();
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(1);
        assertThat(stats.puts()).isEqualTo(1);
        assertThat(stats.size()).isEqualTo(1);
        assertThat(loads).hasValue(1);
    }

    @Test
    void a_failing_loader_stores_nothing_and_the_next_read_loads_again() {
        assertThatThrownBy(() -> cache.get(1L, id -> { throw new IllegalStateException("db down"); }))
                .hasMessage("db down");
        assertThat(cache.get(1L)).isNull();
        assertThat(cache.get(1L, id -> "fresh")).isEqualTo("fresh");
        assertThat(cache.get(1L)).isEqualTo("fresh");
    }

    @Test
    void null_from_the_loader_is_returned_and_not_stored() {
        assertThat(cache.get(1L, id -> null)).isNull();
        assertThat(cache.stats().puts()).isZero();
    }

    @Test
    void invalidate_makes_the_next_read_load_the_new_value() {
        cache.get(1L, id -> "old");
        cache.invalidate(1L);
        assertThat(cache.get(1L, id -> "new")).isEqualTo("new");
    }

    @Test
    void a_value_loaded_while_its_key_was_invalidated_is_not_kept() {
        String returned = cache.get(1L, id -> {
            cache.invalidate(1L);          // a writer committed and invalidated while we read the old row
            return "old";
        });
        assertThat(returned).isEqualTo("old");
        assertThat(cache.get(1L)).isNull();
    }

    @Test
    void invalidate_all_forgets_every_entry() {
        cache.put(1L, "a");
        cache.put(2L, "b");
        cache.invalidateAll();
        assertThat(cache.get(1L)).isNull();
        assertThat(cache.get(2L)).isNull();
    }

    @Test
    void growing_applies_in_place_and_keeps_entries() {
        cache.put(1L, "a");
        cache.apply(new Sizing(500, Duration.ZERO));
        assertThat(cache.get(1L)).isEqualTo("a");
        assertThat(cache.stats().capacity()).isEqualTo(500);
    }

    @Test
    void shrinking_evicts_as_new_entries_come_in() {
        for (long i = 0; i < 100; i++) {
            cache.put(i, "v" + i);
        }
        cache.apply(new Sizing(10, Duration.ZERO));
        for (long i = 100; i < 200; i++) {
            cache.put(i, "v" + i);
        }
        assertThat(cache.stats().size()).isLessThanOrEqualTo(10);
        assertThat(cache.stats().evictions()).isPositive();
    }

    @Test
    void a_new_ttl_replaces_the_instance_with_an_empty_one_and_keeps_the_counts() {
        cache.get(1L, id -> "a");
        cache.apply(new Sizing(100, Duration.ofSeconds(30)));
        assertThat(cache.stats().ttlSeconds()).isEqualTo(30);
        assertThat(cache.get(1L, id -> "b")).isEqualTo("b");
        assertThat(cache.stats().misses()).isEqualTo(2);
        assertThat(cache.get(1L)).isEqualTo("b");
    }

    @Test
    void a_detached_cache_keeps_working_without_caching() {
        cache.detach();
        assertThat(cache.get(1L, id -> "a")).isEqualTo("a");
        assertThat(cache.get(1L, id -> "b")).isEqualTo("b");
        cache.put(1L, "c");
        cache.invalidate(1L);
        cache.invalidateAll();
        assertThat(cache.isDetached()).isTrue();
    }
}
