package io.mosaic.crm.customers.internal.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.customers.internal.CustomersDatabase;
import io.mosaic.crm.customers.internal.common.EventSink;
import io.mosaic.crm.sdk.query.ListQuery;
import io.mosaic.crm.sdk.query.Page;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lists over 1,000 accounts: keyset paging, filters and search, with user input kept as data. */
class AccountListTest {
    private static final int ACCOUNTS = 1_000;
    private static AccountService accounts;
    private static List<Long> live;

    @BeforeAll
    static void createAccounts() {
        Jdbi jdbi = CustomersDatabase.migrated("account_list");
        accounts = new AccountService(jdbi, EventSink.NONE);
        String[] industries = {"Software", "Retail", "Energy", null};
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.create(new AccountInput("Company " + (i % 97), "c" + i + ".example", industries[i % 4], null, null,
                    null, i % 3 == 0 ? "Berlin" : "Paris", null, i % 2 == 0 ? "DE" : "FR",
                    i % 5 == 0 ? null : new BigDecimal(i % 13 * 1000), i % 7 == 0 ? null : i % 11, (long) (1 + i % 3)), 1);
        }
        for (String name : new String[] {"' OR 1=1 --", "50% Off", "Under_score", "Back\\slash", "Bang!"}) {
            accounts.create(Accounts.named(name, null), 1);
        }
        Account gone = accounts.create(Accounts.named("Deleted Inc", null), 1);
        accounts.delete(gone.id(), OptionalLong.empty(), 1);
        live = all(Map.of("sort", List.of("id"))).stream().map(a -> (Long) a.get("id")).toList();
    }

    private static Page<Map<String, Object>> page(Map<String, List<String>> params) {
        ListQuery<Account> query = ListQuery.parse(params, AccountRepository.LIST);
        return query.page(accounts.list(query), account -> query.select(account.toJson()));
    }

    private static List<Map<String, Object>> all(Map<String, List<String>> params) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Map<String, List<String>> request = new HashMap<>(params);
        request.putIfAbsent("limit", List.of("33"));
        while (true) {
            Page<Map<String, Object>> page = page(request);
            rows.addAll(page.items());
            if (page.next() == null) {
                return rows;
            }
            request.put("after", List.of(page.next()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "-name", "createdAt", "-updatedAt", "annualRevenue", "-annualRevenue,name",
        "employees,-name", "-employees,annualRevenue", "id", "-id"})
    void pages_through_every_live_account_exactly_once(String sort) {
        List<Map<String, Object>> rows = all(Map.of("sort", List.of(sort)));
        assertThat(rows).extracting(r -> (Long) r.get("id")).containsExactlyInAnyOrderElementsOf(live);
        assertThat(rows).hasSize(ACCOUNTS + 5);
    }

    @Test
    void orders_ties_by_id_and_nulls_first_ascending() {
        List<Map<String, Object>> rows = all(Map.of("sort", List.of("employees"), "fields", List.of("id,employees")));
        Comparator<Map<String, Object>> order = Comparator.comparing((Map<String, Object> r) -> (Integer) r.get("employees"),
                Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(r -> (Long) r.get("id"));
        assertThat(rows).isSortedAccordingTo(order);
        assertThat(rows.get(0)).containsOnlyKeys("id", "employees").containsEntry("employees", null);

        List<Map<String, Object>> descending = all(Map.of("sort", List.of("-employees")));
        assertThat(descending).isSortedAccordingTo(order.reversed());
        assertThat(descending.get(descending.size() - 1).get("employees")).isNull();
    }

    @Test
    void filters_by_several_fields_while_paging() {
        List<Map<String, Object>> rows = all(Map.of("industry", List.of("software"), "country", List.of("DE"),
                "city", List.of("Berlin"), "ownerId", List.of("1"), "sort", List.of("-annualRevenue")));
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            assertThat(r.get("industry")).isEqualTo("Software");
            assertThat(r.get("country")).isEqualTo("DE");
            assertThat(r.get("city")).isEqualTo("Berlin");
            assertThat(r.get("ownerId")).isEqualTo(1L);
        });
        String firstCreated = (String) all(Map.of("sort", List.of("createdAt"), "limit", List.of("1"))).get(0).get("createdAt");
        assertThat(all(Map.of("createdAfter", List.of(firstCreated)))).hasSize(ACCOUNTS + 4);
        assertThat(all(Map.of("createdBefore", List.of(firstCreated)))).isEmpty();
    }

    @Test
    void treats_sql_metacharacters_in_filters_and_search_as_data() {
        assertThat(names(Map.of("name", List.of("' OR 1=1 --")))).containsExactly("' OR 1=1 --");
        assertThat(names(Map.of("q", List.of("' OR")))).containsExactly("' OR 1=1 --");
        assertThat(names(Map.of("q", List.of("50%")))).containsExactly("50% Off");
        assertThat(names(Map.of("q", List.of("%")))).isEmpty();
        assertThat(names(Map.of("q", List.of("under_")))).containsExactly("Under_score");
        assertThat(names(Map.of("q", List.of("_")))).isEmpty();
        assertThat(names(Map.of("q", List.of("Back\\")))).containsExactly("Back\\slash");
        assertThat(names(Map.of("q", List.of("\\")))).isEmpty();
        assertThat(names(Map.of("q", List.of("Bang!")))).containsExactly("Bang!");
    }

    @Test
    void searches_name_email_and_website_by_prefix() {
        assertThat(names(Map.of("q", List.of("company 9")))).allMatch(n -> n.startsWith("Company 9")).hasSizeGreaterThan(10);
        assertThat(all(Map.of("q", List.of("c999.ex")))).extracting(r -> r.get("website")).containsExactly("c999.example");
        assertThat(names(Map.of("q", List.of("Deleted")))).isEmpty();
    }

    private static List<String> names(Map<String, List<String>> params) {
        return all(params).stream().map(r -> (String) r.get("name")).toList();
    }
}
