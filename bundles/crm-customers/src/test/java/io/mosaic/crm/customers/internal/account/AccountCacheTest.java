package io.mosaic.crm.customers.internal.account;

import static io.mosaic.crm.customers.internal.account.Accounts.named;
import static io.mosaic.crm.customers.internal.account.Accounts.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.customers.internal.common.MapCache;
import io.mosaic.crm.customers.internal.common.RecordCache;
import io.mosaic.crm.sdk.error.NotFoundException;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountCacheTest {
    private static Jdbi jdbi;
    private final MapCache<Account> map = new MapCache<>();
    private final RecordCache<Account> cache = RecordCache.uncached();
    private AccountService accounts;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("accountcache");
    }

    @BeforeEach
    void cached() {
        jdbi.useHandle(h -> h.execute("DELETE FROM accounts"));
        cache.use(map);
        accounts = new AccountService(jdbi, EventSink.NONE, cache);
    }

    @Test
    void reads_an_account_from_the_database_once_then_from_the_cache() {
        long id = accounts.create(named("Acme", null), 1).id();
        accounts.get(id);
        accounts.get(id);
        assertThat(map.loads).isEqualTo(1);
        assertThat(map.entries).containsKey(id);
    }

    @Test
    void an_update_forgets_the_cached_copy_before_it_returns() {
        long id = accounts.create(named("Acme", null), 1).id();
        accounts.get(id);
        Account updated = accounts.update(id, 1, patch("{\"city\":\"Berlin\"}"), 1);
        assertThat(map.entries).doesNotContainKey(id);
        assertThat(accounts.get(id)).isEqualTo(updated);
    }

    @Test
    void a_delete_forgets_the_cached_copy_and_not_found_is_not_cached() {
        long id = accounts.create(named("Acme", null), 1).id();
        accounts.get(id);
        accounts.delete(id, OptionalLong.empty(), 1);
        assertThatThrownBy(() -> accounts.get(id)).isInstanceOf(NotFoundException.class);
        assertThat(map.entries).isEmpty();
    }

    @Test
    void works_uncached_when_the_platform_cache_goes() {
        long id = accounts.create(named("Acme", null), 1).id();
        cache.use(null);
        assertThat(accounts.get(id).name()).isEqualTo("Acme");
        assertThat(map.loads).isZero();
    }
}
