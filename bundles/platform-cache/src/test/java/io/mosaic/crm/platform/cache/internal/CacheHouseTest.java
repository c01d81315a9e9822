package io.mosaic.crm.platform.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.cache.CacheSpec;
import io.mosaic.crm.sdk.cache.NamedCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CacheHouseTest {
    private final CacheHouse house = new CacheHouse(new Shelves());
    private final CacheSpec<Long, String> accounts = CacheSpec.of("accounts", Long.class, String.class).heapEntries(50);
    private final Owner customers = new Owner(12, "customers");

    @AfterEach
    void close() {
        house.close();
    }

    @Test
    void declaring_the_same_cache_again_from_the_same_bundle_returns_it() {
        NamedCache<Long, String> first = house.declare(accounts, customers);
        first.put(1L, "a");
        Owner reactivated = new Owner(12, "customers");
        NamedCache<Long, String> second = house.declare(accounts, reactivated);
        assertThat(second).isSameAs(first);
        assertThat(second.get(1L)).isEqualTo("a");
        house.release("accounts", customers);          // the old view goes after the new one took over
        assertThat(house.stats()).hasSize(1);
    }

    @Test
    void other_value_types_replace_the_cache_and_detach_the_old_handle() {
        NamedCache<Long, String> first = house.declare(accounts, customers);
        first.put(1L, "a");
        NamedCache<Long, Integer> second = house.declare(CacheSpec.of("accounts", Long.class, Integer.class), customers);
        assertThat(second.get(1L)).isNull();
        assertThat(first.get(1L, id -> "loaded")).isEqualTo("loaded");
        assertThat(((LiveCache<?, ?>) first).isDetached()).isTrue();
    }

    @Test
    void releasing_removes_the_owners_cache() {
        NamedCache<Long, String> cache = house.declare(accounts, customers);
        house.release("accounts", customers);
        assertThat(house.stats()).isEmpty();
        assertThat(cache.get(1L, id -> "still works")).isEqualTo("still works");
    }

    @Test
    void an_override_set_before_the_declaration_applies_to_it_and_clearing_restores_the_default() {
        house.override("accounts", new Sizing.Overrides(200L, null));
        house.declare(accounts, customers);
        assertThat(house.stats().get(0).capacity()).isEqualTo(200);
        house.override("accounts", null);
        assertThat(house.stats().get(0).capacity()).isEqualTo(50);
    }

    @Test
    void an_override_applies_live_to_a_declared_cache() {
        NamedCache<Long, String> cache = house.declare(accounts, customers);
        cache.put(1L, "a");
        house.override("accounts", new Sizing.Overrides(5000L, Duration.ofSeconds(60)));
        CacheStats stats = house.stats().get(0);
        assertThat(stats.capacity()).isEqualTo(5000);
        assertThat(stats.ttlSeconds()).isEqualTo(60);
    }

    @Test
    void watchers_see_caches_come_and_go() {
        List<String> seen = new ArrayList<>();
        house.declare(accounts, customers);
        house.watch(new CacheHouse.Watcher() {
            @Override public void added(LiveCache<?, ?> cache) { seen.add("+" + cache.name()); }
            @Override public void removed(LiveCache<?, ?> cache) { seen.add("-" + cache.name()); }
        });
        house.declare(CacheSpec.of("contacts", Long.class, String.class), customers);
        house.release("accounts", customers);
        assertThat(seen).containsExactly("+accounts", "+contacts", "-accounts");
    }
}
