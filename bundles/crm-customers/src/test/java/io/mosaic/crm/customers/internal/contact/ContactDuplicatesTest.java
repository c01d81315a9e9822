package io.mosaic.crm.customers.internal.contact;

import static io.mosaic.crm.customers.internal.contact.ContactServiceTest.contact;
import static io.mosaic.crm.customers.internal.contact.ContactServiceTest.patch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.EventSink;
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

/** A contact's e-mail is unique among live contacts, ignoring case, also under concurrency. */
class ContactDuplicatesTest {
    private static Jdbi jdbi;
    private ContactService contacts;

    @BeforeAll
    static void migrate() {
        jdbi = CustomersDatabase.migrated("contact_dups");
    }

    @BeforeEach
    void empty() {
        jdbi.useHandle(h -> h.execute("DELETE FROM contacts"));
        contacts = new ContactService(jdbi, EventSink.NONE);
    }

    @Test
    void rejects_the_same_email_in_another_case_with_the_holders_id() {
        Contact ada = contacts.create(contact(null, "Lovelace", "Ada@Example.com"), 1);
        assertThatThrownBy(() -> contacts.create(contact(null, "Byron", " ada@EXAMPLE.com "), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> {
                    assertThat(e.existingId()).isEqualTo(ada.id());
                    assertThat(e.code()).isEqualTo("duplicate");
                    assertThat(e.details()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("email");
                        assertThat(p.existingId()).isEqualTo(ada.id());
                    });
                });
    }

    @Test
    void allows_many_contacts_without_email_and_reuse_after_delete() {
        contacts.create(contact(null, "One", null), 1);
        contacts.create(contact(null, "Two", null), 1);
        Contact old = contacts.create(contact(null, "Old", "x@example.com"), 1);
        contacts.delete(old.id(), OptionalLong.empty(), 1);
        Contact fresh = contacts.create(contact(null, "New", "X@example.com"), 1);
        assertThatThrownBy(() -> contacts.create(contact(null, "Newer", "x@example.com"), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(fresh.id()));
    }

    @Test
    void rejects_a_patch_to_another_contacts_email_and_changes_nothing() throws Exception {
        Contact ada = contacts.create(contact(null, "Lovelace", "ada@example.com"), 1);
        Contact grace = contacts.create(contact(null, "Hopper", "grace@example.com"), 1);
        assertThatThrownBy(() -> contacts.update(grace.id(), 1, patch("{\"email\":\"ADA@example.com\",\"title\":\"RAdm\"}"), 1))
                .isInstanceOfSatisfying(DuplicateException.class, e -> assertThat(e.existingId()).isEqualTo(ada.id()));
        assertThat(contacts.get(grace.id())).isEqualTo(grace);
    }

    @Test
    void lets_exactly_one_of_many_concurrent_creators_win() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            var start = new CountDownLatch(1);
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String email = i % 2 == 0 ? "race@example.com" : "RACE@example.com";
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        return contacts.create(contact(null, "Racer", email), 1).id();
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
            assertThat(ids).filteredOn(id -> id > 0).containsExactly(winner);
            assertThat(ids).filteredOn(id -> id < 0).hasSize(writers - 1).allMatch(id -> id == -winner);
        } finally {
            pool.shutdownNow();
        }
    }
}
