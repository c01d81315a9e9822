package io.mosaic.crm.customers.internal.account;

import static io.mosaic.crm.customers.internal.account.Accounts.full;
import static io.mosaic.crm.customers.internal.account.Accounts.named;
import static io.mosaic.crm.customers.internal.account.Accounts.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.RecordingEvents;
import io.mosaic.crm.customers.internal.common.Transactions;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountServiceTest {
    private static final long ALICE = 7;
    private static final long BOB = 8;
    private static Jdbi jdbi;
    private final RecordingEvents events = new RecordingEvents();
    private AccountService accounts;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("accounts");
    }

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute("DELETE FROM accounts"));
        accounts = new AccountService(jdbi, events);
    }

    @Test
    void creates_an_account_at_version_1_owned_by_the_caller_and_announces_it() {
        Instant before = Instant.now().minusSeconds(1);
        Account created = accounts.create(full("  Acme Corp "), ALICE);

        assertThat(created.id()).isPositive();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.ownerId()).isEqualTo(ALICE);
        assertThat(created.name()).isEqualTo("Acme Corp");
        assertThat(created.country()).isEqualTo("DE");
        assertThat(created.annualRevenue()).isEqualByComparingTo("1250000.50");
        assertThat(created.createdAt()).isAfter(before).isEqualTo(created.updatedAt());
        assertThat(accounts.get(created.id())).isEqualTo(created);
        assertThat(events.lines()).containsExactly("io/mosaic/crm/customers/Account/CREATED " + created.id() + " by " + ALICE);
    }

    @Test
    void keeps_an_explicit_owner() {
        var input = new AccountInput("Owned", null, null, null, null, null, null, null, null, null, null, BOB);
        assertThat(accounts.create(input, ALICE).ownerId()).isEqualTo(BOB);
    }

    @Test
    void patches_only_present_fields_clears_nulls_and_bumps_the_version() {
        Account created = accounts.create(full("Globex"), ALICE);
        events.clear();

        Account patched = accounts.update(created.id(), 1, patch("{\"industry\":\"Retail\",\"phone\":null,\"employees\":0}"), BOB);

        assertThat(patched.version()).isEqualTo(2);
        assertThat(patched.industry()).isEqualTo("Retail");
        assertThat(patched.phone()).isNull();
        assertThat(patched.employees()).isZero();
        assertThat(patched.name()).isEqualTo("Globex");
        assertThat(patched.website()).isEqualTo(created.website());
        assertThat(patched.ownerId()).isEqualTo(ALICE);
        assertThat(patched.createdAt()).isEqualTo(created.createdAt());
        assertThat(patched.updatedAt()).isAfterOrEqualTo(created.updatedAt());
        assertThat(events.lines()).containsExactly("io/mosaic/crm/customers/Account/UPDATED " + created.id() + " by " + BOB);
    }

    @Test
    void refuses_a_stale_version_and_changes_nothing() {
        Account created = accounts.create(named("Initech", null), ALICE);
        accounts.update(created.id(), 1, patch("{\"city\":\"Austin\"}"), ALICE);

        assertThatThrownBy(() -> accounts.update(created.id(), 1, patch("{\"city\":\"Dallas\"}"), ALICE))
                .isInstanceOfSatisfying(VersionMismatchException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(accounts.get(created.id()).city()).isEqualTo("Austin");
    }

    @Test
    void refuses_to_clear_the_name() {
        Account created = accounts.create(named("Hooli", null), ALICE);
        assertThatThrownBy(() -> accounts.update(created.id(), 1, patch("{\"name\":null,\"ownerId\":null}"), ALICE))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .containsExactly(new FieldProblem("name", "required"), new FieldProblem("ownerId", "required")));
        assertThat(accounts.get(created.id()).version()).isEqualTo(1);
    }

    @Test
    void soft_deletes_and_then_answers_404() {
        Account created = accounts.create(named("Umbrella", null), ALICE);
        accounts.delete(created.id(), OptionalLong.empty(), BOB);

        assertThatThrownBy(() -> accounts.get(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.delete(created.id(), OptionalLong.empty(), BOB)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.update(created.id(), 2, patch("{}"), BOB)).isInstanceOf(NotFoundException.class);
        assertThat(count("SELECT COUNT(*) FROM accounts WHERE deleted_at IS NOT NULL")).isEqualTo(1);
        assertThat(events.lines()).endsWith("io/mosaic/crm/customers/Account/DELETED " + created.id() + " by " + BOB);
    }

    @Test
    void checks_the_version_on_delete_when_given() {
        Account created = accounts.create(named("Stark", null), ALICE);
        assertThatThrownBy(() -> accounts.delete(created.id(), OptionalLong.of(5), ALICE)).isInstanceOf(VersionMismatchException.class);
        accounts.delete(created.id(), OptionalLong.of(1), ALICE);
        assertThatThrownBy(() -> accounts.get(created.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void answers_404_for_an_unknown_id() {
        assertThatThrownBy(() -> accounts.get(999_999)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void names_every_invalid_field() {
        var input = new AccountInput("  ", "ftp://files.example.com", "x".repeat(101), null, "not-an-email", null, null,
                "1".repeat(21), "XX", new BigDecimal("-1"), -5, -3L);

        assertThatThrownBy(() -> accounts.create(input, ALICE)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.code()).isEqualTo("validation_failed");
            assertThat(e.details()).containsExactly(
                    new FieldProblem("name", "required"),
                    new FieldProblem("website", "invalid_url"),
                    new FieldProblem("industry", "too_long"),
                    new FieldProblem("email", "invalid_email"),
                    new FieldProblem("postalCode", "too_long"),
                    new FieldProblem("country", "invalid_country"),
                    new FieldProblem("annualRevenue", "negative"),
                    new FieldProblem("employees", "negative"),
                    new FieldProblem("ownerId", "invalid_id"));
        });
        assertThat(count("SELECT COUNT(*) FROM accounts")).isZero();
        assertThat(events.lines()).isEmpty();
    }

    @Test
    void refuses_amounts_that_do_not_fit_the_column() {
        assertThatThrownBy(() -> accounts.create(withRevenue("1.005"), ALICE)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.details()).containsExactly(new FieldProblem("annualRevenue", "too_many_decimals")));
        assertThatThrownBy(() -> accounts.create(withRevenue("1e18"), ALICE)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.details()).containsExactly(new FieldProblem("annualRevenue", "too_large")));
        assertThat(accounts.create(withRevenue("99999999999999999.99"), ALICE).annualRevenue()).isEqualByComparingTo("99999999999999999.99");
    }

    @Test
    void a_failed_transaction_leaves_no_row_and_no_event() {
        assertThatThrownBy(() -> new Transactions(jdbi).write(h -> {
            new AccountRepository(h).insert(named("Half", null).withOwnerIfMissing(ALICE), Instant.now());
            throw new IllegalStateException("fails after the insert");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(count("SELECT COUNT(*) FROM accounts")).isZero();
        assertThat(events.lines()).isEmpty();
    }

    private static int count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
    }

    private static AccountInput withRevenue(String amount) {
        return new AccountInput("Rich " + amount, null, null, null, null, null, null, null, null, new BigDecimal(amount), null, null);
    }
}
