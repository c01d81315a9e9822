package io.mosaic.crm.customers.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.RecordingEvents;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.error.VersionMismatchException;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactServiceTest {
    private static final long ALICE = 3;
    private static Jdbi jdbi;
    private final RecordingEvents events = new RecordingEvents();
    private ContactService contacts;
    private long account;
    private long deletedAccount;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("contacts");
    }

    @BeforeEach
    void oneLiveAndOneDeletedAccount() {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM contacts");
            h.execute("DELETE FROM accounts");
            h.execute("""
                    INSERT INTO accounts (name, owner_id, created_at, updated_at, deleted_at)
                    VALUES ('Live', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), NULL),
                           ('Gone', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""");
        });
        account = id("SELECT id FROM accounts WHERE name = 'Live'");
        deletedAccount = id("SELECT id FROM accounts WHERE name = 'Gone'");
        contacts = new ContactService(jdbi, events);
    }

    static ContactInput contact(Long accountId, String lastName, String email) {
        return new ContactInput(accountId, "Ada", lastName, email, null, null, null);
    }

    static ContactPatch patch(String json) throws Exception {
        return new ObjectMapper().readValue(json, ContactPatch.class);
    }

    @Test
    void creates_gets_patches_and_deletes_a_contact() throws Exception {
        Contact created = contacts.create(new ContactInput(account, " Ada ", "Lovelace", "ada@example.com", "+44 20", "CTO", null), ALICE);
        assertThat(created).extracting(Contact::accountId, Contact::firstName, Contact::lastName, Contact::ownerId, Contact::version)
                .containsExactly(account, "Ada", "Lovelace", ALICE, 1);
        assertThat(contacts.get(created.id())).isEqualTo(created);

        Contact patched = contacts.update(created.id(), 1, patch("{\"title\":null,\"accountId\":null,\"firstName\":\"Augusta\"}"), ALICE);
        assertThat(patched).extracting(Contact::accountId, Contact::firstName, Contact::title, Contact::email, Contact::version)
                .containsExactly(null, "Augusta", null, "ada@example.com", 2);

        contacts.delete(created.id(), OptionalLong.of(2), ALICE);
        assertThatThrownBy(() -> contacts.get(created.id())).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> contacts.delete(created.id(), OptionalLong.empty(), ALICE)).isInstanceOf(NotFoundException.class);
        assertThat(events.lines()).containsExactly(
                "io/mosaic/crm/customers/Contact/CREATED " + created.id() + " by " + ALICE,
                "io/mosaic/crm/customers/Contact/UPDATED " + created.id() + " by " + ALICE,
                "io/mosaic/crm/customers/Contact/DELETED " + created.id() + " by " + ALICE);
    }

    @Test
    void refuses_an_account_that_does_not_exist_or_was_deleted_with_422_on_accountId() throws Exception {
        for (long missing : new long[] {999_999, deletedAccount}) {
            assertThatThrownBy(() -> contacts.create(contact(missing, "Hopper", null), ALICE))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.details()).containsExactly(new FieldProblem("accountId", "not_found")));
        }
        Contact created = contacts.create(contact(account, "Hopper", null), ALICE);
        assertThatThrownBy(() -> contacts.update(created.id(), 1, patch("{\"accountId\":" + deletedAccount + "}"), ALICE))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.details()).containsExactly(new FieldProblem("accountId", "not_found")));
        assertThat(contacts.get(created.id()).version()).isEqualTo(1);
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void keeps_a_contact_editable_after_its_account_was_deleted() throws Exception {
        Contact created = contacts.create(contact(account, "Turing", null), ALICE);
        jdbi.useHandle(h -> h.execute("UPDATE accounts SET deleted_at = UTC_TIMESTAMP(6) WHERE id = ?", account));
        assertThat(contacts.update(created.id(), 1, patch("{\"title\":\"Dr\"}"), ALICE).title()).isEqualTo("Dr");
    }

    @Test
    void names_every_invalid_field_including_a_missing_account() {
        var input = new ContactInput(424_242L, "x".repeat(101), null, "ada@@example.com", "1".repeat(51), null, 0L);
        assertThatThrownBy(() -> contacts.create(input, ALICE)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.details()).containsExactly(
                        new FieldProblem("firstName", "too_long"),
                        new FieldProblem("lastName", "required"),
                        new FieldProblem("email", "invalid_email"),
                        new FieldProblem("phone", "too_long"),
                        new FieldProblem("ownerId", "invalid_id"),
                        new FieldProblem("accountId", "not_found")));
        assertThat(count()).isZero();
        assertThat(events.lines()).isEmpty();
    }

    @Test
    void refuses_a_stale_version() throws Exception {
        Contact created = contacts.create(contact(null, "Curie", null), ALICE);
        contacts.update(created.id(), 1, patch("{\"phone\":\"123\"}"), ALICE);
        assertThatThrownBy(() -> contacts.update(created.id(), 1, patch("{\"phone\":\"456\"}"), ALICE))
                .isInstanceOfSatisfying(VersionMismatchException.class, e -> assertThat(e.currentVersion()).isEqualTo(2));
        assertThat(contacts.get(created.id()).phone()).isEqualTo("123");
    }

    private int count() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM contacts").mapTo(Integer.class).one());
    }

    private static long id(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
