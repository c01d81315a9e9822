package io.mosaic.crm.customers.internal.contact;

import static io.mosaic.crm.customers.internal.contact.ContactServiceTest.contact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.customers.internal.common.RecordCache;
import io.mosaic.crm.customers.internal.common.SessionStatements;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A create is one statement that also checks the account, answered without reading the row back. */
class ContactCreateTest {
    private static final Instant NOW = Instant.parse("2026-03-29T01:30:00.123456789Z");
    private static Jdbi jdbi;
    private final List<String> seenByEvents = new CopyOnWriteArrayList<>();
    private ContactService contacts;
    private long account;
    private long deletedAccount;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("contact_create");
    }

    @BeforeEach
    void oneLiveAndOneDeletedAccount() {
        jdbi.useHandle(h -> {
            h.execute("DELETE FROM contacts");
            h.execute("DELETE FROM accounts");
            account = h.createUpdate("""
                    INSERT INTO accounts (name, owner_id, created_at, updated_at) VALUES ('Live', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            deletedAccount = h.createUpdate("""
                    INSERT INTO accounts (name, owner_id, created_at, updated_at, deleted_at)
                    VALUES ('Gone', 1, UTC_TIMESTAMP(6), UTC_TIMESTAMP(6), UTC_TIMESTAMP(6))""")
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        });
        contacts = service(jdbi);
    }

    /** Each event notes whether its contact was already visible to another connection (committed). */
    private ContactService service(Jdbi database) {
        EventSink sink = event -> seenByEvents.add(event.getTopic() + " " + event.getProperty("id") + " committed="
                + (count("SELECT COUNT(*) FROM contacts WHERE id = " + event.getProperty("id")) == 1));
        return new ContactService(database, sink, RecordCache.uncached(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void answers_exactly_what_a_later_get_reads_stamped_by_the_services_clock() {
        for (Long accountId : new Long[] {account, null}) {
            Contact created = contacts.create(new ContactInput(accountId, " Ada ", "Lovelace ", null, "+44", null, 9L), 3);
            assertThat(contacts.get(created.id())).isEqualTo(created);
            assertThat(created).extracting(Contact::accountId, Contact::firstName, Contact::lastName, Contact::ownerId,
                    Contact::version, Contact::createdAt, Contact::updatedAt)
                    .containsExactly(accountId, "Ada", "Lovelace", 9L, 1, Instant.parse("2026-03-29T01:30:00.123456Z"),
                            Instant.parse("2026-03-29T01:30:00.123456Z"));
        }
    }

    @Test
    void announces_a_create_only_after_it_is_committed() {
        Contact created = contacts.create(contact(account, "Hopper", null), 3);
        assertThat(seenByEvents).containsExactly("io/mosaic/crm/customers/Contact/CREATED " + created.id() + " committed=true");
    }

    @Test
    void refuses_a_missing_or_deleted_account_with_422_inserting_and_announcing_nothing() {
        for (long missing : new long[] {999_999, deletedAccount}) {
            assertThatThrownBy(() -> contacts.create(contact(missing, "Hopper", "grace@example.com"), 3))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.details()).containsExactly(new FieldProblem("accountId", "not_found")));
        }
        assertThat(count("SELECT COUNT(*) FROM contacts")).isZero();
        assertThat(seenByEvents).isEmpty();
    }

    @Test
    void still_answers_a_duplicate_email_with_409_and_the_holders_id() {
        Contact ada = contacts.create(contact(account, "Lovelace", "ada@example.com"), 3);
        assertThatThrownBy(() -> contacts.create(contact(null, "Byron", "ADA@example.com"), 3))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(ada.id()));
        assertThatThrownBy(() -> contacts.create(contact(account, "Byron", "ADA@example.com"), 3))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(ada.id()));
        assertThat(count("SELECT COUNT(*) FROM contacts")).isEqualTo(1);
    }

    @Test
    void sends_one_statement_per_create_with_or_without_an_account() {
        long withAccount = SessionStatements.of(jdbi, db -> service(db).create(contact(account, "One", null), 3));
        long withoutAccount = SessionStatements.of(jdbi, db -> service(db).create(contact(null, "Two", null), 3));
        long refused = SessionStatements.of(jdbi, db -> assertThatThrownBy(
                () -> service(db).create(contact(deletedAccount, "Three", null), 3)).isInstanceOf(ValidationException.class));
        assertThat(List.of(withAccount, withoutAccount, refused)).containsExactly(1L, 1L, 1L);
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
