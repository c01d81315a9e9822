package io.mosaic.examples.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BalanceCacheTest {
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger misses = new AtomicInteger();

    @Test
    void loads_a_balance_once_and_serves_it_from_the_cache_afterwards() {
        BalanceCache cache = BalanceCache.of(null, 10);
        assertThat(cache.get(1, this::load, misses::incrementAndGet)).isEqualTo(1001);
        assertThat(cache.get(1, this::load, misses::incrementAndGet)).isEqualTo(1001);
        assertThat(loads).hasValue(1);
        assertThat(misses).hasValue(1);
        assertThat(cache.isShared()).isFalse();
    }

    @Test
    void loads_again_after_an_invalidation() {
        BalanceCache cache = BalanceCache.of(null, 10);
        cache.get(1, this::load, misses::incrementAndGet);
        cache.invalidate(1);
        cache.get(1, this::load, misses::incrementAndGet);
        assertThat(loads).hasValue(2);
    }

    @Test
    void keeps_no_more_balances_than_its_bound() {
        BalanceCache cache = BalanceCache.of(null, 2);
        cache.get(1, this::load, misses::incrementAndGet);
        cache.get(2, this::load, misses::incrementAndGet);
        cache.get(3, this::load, misses::incrementAndGet);
        cache.get(1, this::load, misses::incrementAndGet);   // evicted as the eldest: loaded again
        assertThat(loads).hasValue(4);
    }

    private long load(long accountId) {
        loads.incrementAndGet();
        return 1000 + accountId;
    }
}
