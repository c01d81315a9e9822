package io.mosaic.crm.customers.internal.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactListTest {
    private static ContactService contacts;
    private static long account;

    @BeforeAll
    static void createContacts() {
        Jdbi jdbi = CustomersDatabase.migrated("contact_list");
        jdbi.useHandle(h -> h.execute("INSERT INTO accounts (name, owner_id, created_at, updated_at) VALUES ('A', 1, NOW(6), NOW(6))"));
        account = jdbi.withHandle(h -> h.createQuery("SELECT id FROM accounts").mapTo(Long.class).one());
        contacts = new ContactService(jdbi, EventSink.NONE);
        for (int i = 0; i < 150; i++) {
            contacts.create(new ContactInput(i % 2 == 0 ? account : null, i % 4 == 0 ? null : "First" + (i % 9), "Last" + (i % 13),
                    "p" + i + "@example.com", null, null, (long) (1 + i % 2)), 1);
        }
        contacts.create(new ContactInput(null, "Robert'); DROP TABLE contacts;--", "O'Neil", "bobby%@example.com", null, null, null), 1);
    }

    private static List<Map<String, Object>> all(Map<String, List<String>> params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<String>> request = new HashMap<>(params);
        request.put("limit", List.of("11"));
        while (true) {
            ListQuery<Contact> query = ListQuery.parse(request, ContactRepository.LIST);
            Page<Map<String, Object>> page = query.page(contacts.list(query), c -> query.select(c.toJson()));
            rows.addAll(page.items());
            if (page.next() == null) {
                return rows;
            }
            request.put("after", List.of(page.next()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lastName", "-lastName", "firstName", "-firstName,lastName", "createdAt", "-updatedAt", "-id"})
    void pages_through_every_contact_exactly_once(String sort) {
        List<Object> ids = all(Map.of("sort", List.of(sort))).stream().map(r -> r.get("id")).toList();
        assertThat(ids).hasSize(151).doesNotHaveDuplicates();
    }

    @Test
    void filters_by_account_email_last_name_and_owner() {
        assertThat(all(Map.of("accountId", List.of(String.valueOf(account))))).hasSize(75).allMatch(r -> r.get("accountId").equals(account));
        assertThat(all(Map.of("email", List.of("P7@EXAMPLE.COM")))).extracting(r -> r.get("email")).containsExactly("p7@example.com");
        assertThat(all(Map.of("lastName", List.of("last3"), "ownerId", List.of("2")))).isNotEmpty()
                .allMatch(r -> r.get("lastName").equals("Last3") && r.get("ownerId").equals(2L));
    }

    @Test
    void searches_first_name_last_name_and_email_by_prefix_with_metacharacters_as_data() {
        assertThat(all(Map.of("q", List.of("o'n")))).extracting(r -> r.get("lastName")).containsExactly("O'Neil");
        assertThat(all(Map.of("q", List.of("Robert');")))).hasSize(1);
        assertThat(all(Map.of("q", List.of("bobby%")))).hasSize(1);
        assertThat(all(Map.of("q", List.of("p1")))).hasSize(61);
        assertThat(all(Map.of("q", List.of("first8"), "fields", List.of("firstName")))).allMatch(r -> r.equals(Map.of("firstName", "First8")));
    }
}
