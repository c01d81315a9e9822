package io.mosaic.crm.customers.internal.account;

import static io.mosaic.crm.customers.internal.account.Accounts.named;
import static io.mosaic.crm.customers.internal.account.Accounts.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.RecordingEvents;
import io.mosaic.crm.sdk.error.DuplicateException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Name + website is unique among live accounts, normalized, and the database holds the line under concurrency. */
class AccountDuplicatesTest {
    private static Jdbi jdbi;
    private final RecordingEvents events = new RecordingEvents();
    private AccountService accounts;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("account_dups");
    }

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute("DELETE FROM accounts"));
        accounts = new AccountService(jdbi, events);
    }

    @ParameterizedTest
    @CsvSource({
        "Acme, acme.com, ACME , https://www.Acme.com/",
        "Acme, http://acme.com/shop, acme, acme.com/shop//",
        "Acme, www.acme.com, acme, HTTP://ACME.COM",
        "Acme,, acme,",
    })
    void rejects_the_same_name_and_website_ignoring_case_scheme_www_and_trailing_slash(
            String name, String website, String otherName, String otherWebsite) {
        Account existing = accounts.create(named(name, website), 1);

        assertThatThrownBy(() -> accounts.create(named(otherName, otherWebsite), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.existingId()).isEqualTo(existing.id());
                    assertThat(e.details()).extracting(p -> p.field()).containsExactly("name", "website");
                });
    }

    @Test
    void allows_the_same_name_with_another_website() {
        accounts.create(named("Acme", "acme.com"), 1);
        assertThat(accounts.create(named("Acme", "acme.de"), 1).id()).isPositive();
        assertThat(accounts.create(named("Acme", null), 1).id()).isPositive();
    }

    @Test
    void allows_reusing_the_values_of_a_deleted_account() {
        Account deleted = accounts.create(named("Acme", "acme.com"), 1);
        accounts.delete(deleted.id(), OptionalLong.empty(), 1);
        Account again = accounts.create(named("acme", "www.acme.com"), 1);

        assertThat(again.id()).isNotEqualTo(deleted.id());
        assertThatThrownBy(() -> accounts.create(named("ACME", "acme.com"), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(again.id()));
    }

    @Test
    void rejects_a_patch_onto_another_accounts_values_and_keeps_the_row_unchanged() {
        Account acme = accounts.create(named("Acme", "acme.com"), 1);
        Account globex = accounts.create(named("Globex", "globex.com"), 1);
        events.clear();

        assertThatThrownBy(() -> accounts.update(globex.id(), 1, patch("{\"name\":\"acme\",\"website\":\"https://acme.com\"}"), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(acme.id()));
        assertThat(accounts.get(globex.id())).isEqualTo(globex);
        assertThat(events.lines()).isEmpty();
        // patching an account onto its own values is no duplicate
        assertThat(accounts.update(acme.id(), 1, patch("{\"name\":\"ACME\"}"), 1).name()).isEqualTo("ACME");
    }

    @Test
    void lets_exactly_one_of_many_concurrent_creators_win() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            var start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String website = i % 2 == 0 ? "race.example" : "https://www.race.example/";
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return accounts.create(named("Race", website), 1).id();
                    } catch (DuplicateException e) {
                        return -e.existingId();
                    }
                }));
            }
            start.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<Long> result : results) {
                ids.add(result.get());
            }
            long winner = ids.stream().filter(id -> id > 0).findFirst().orElseThrow();
            assertThat(ids.stream().filter(id -> id > 0)).containsExactly(winner);
            assertThat(ids.stream().filter(id -> id < 0)).hasSize(writers - 1).allMatch(id -> id == -winner);
            assertThat(events.lines()).containsExactly("io/mosaic/crm/customers/Account/CREATED " + winner + " by 1");
        } finally {
            pool.shutdownNow();
        }
    }
}
