package io.mosaic.crm.customers.internal.account;

import static io.mosaic.crm.customers.internal.account.Accounts.full;
import static io.mosaic.crm.customers.internal.account.Accounts.named;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.RecordCache;
import io.mosaic.crm.customers.internal.common.RecordingEvents;
import io.mosaic.crm.customers.internal.common.SessionStatements;
import io.mosaic.crm.sdk.error.DuplicateException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A create is one statement, answered without reading the row back. */
class AccountCreateTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-25T01:30:00.999999999Z"), ZoneOffset.UTC);
    private static Jdbi jdbi;
    private final RecordingEvents events = new RecordingEvents();
    private AccountService accounts;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("account_create");
    }

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute("DELETE FROM accounts"));
        accounts = new AccountService(jdbi, events, RecordCache.uncached(), CLOCK);
    }

    @Test
    void answers_exactly_what_a_later_get_reads_stamped_by_the_services_clock() {
        Account created = accounts.create(full(" Acme Corp "), 7);
        assertThat(accounts.get(created.id())).isEqualTo(created);
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.createdAt()).isEqualTo(Instant.parse("2026-10-25T01:30:00.999999Z")).isEqualTo(created.updatedAt());
        assertThat(events.lines()).containsExactly("io/mosaic/crm/customers/Account/CREATED " + created.id() + " by 7");
    }

    @Test
    void still_answers_a_duplicate_with_409_and_the_holders_id() {
        Account acme = accounts.create(named("Acme", "acme.example"), 7);
        assertThatThrownBy(() -> accounts.create(named(" ACME ", "https://www.acme.example/"), 7))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(acme.id()));
        assertThat(events.lines()).hasSize(1);
    }

    @Test
    void sends_one_statement_per_create() {
        long statements = SessionStatements.of(jdbi,
                db -> new AccountService(db, events, RecordCache.uncached(), CLOCK).create(full("Initech"), 7));
        assertThat(statements).isEqualTo(1);
    }
}
