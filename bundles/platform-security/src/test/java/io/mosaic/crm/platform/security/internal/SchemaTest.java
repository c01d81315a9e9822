package io.mosaic.crm.platform.security.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class SchemaTest {
    private final Jdbi jdbi = SecurityDatabase.fresh();

    @Test
    void seeds_the_built_in_roles_admin_with_everything_and_read_only_with_read() {
        List<Map<String, Object>> rows = jdbi.withHandle(h -> h.createQuery("""
                SELECT r.name, r.built_in, p.resource, p.action
                FROM roles r JOIN role_permissions p ON p.role_id = r.id ORDER BY r.name
                """).mapToMap().list());

        assertThat(rows).extracting(r -> r.get("name") + " " + r.get("resource") + ":" + r.get("action"))
                .contains("admin *:*", "read-only *:READ", "operator platform.*:*", "sales customers.*:EDIT",
                        "support customers.*:READ", "marketing customers.*:EXPORT")
                .filteredOn(t -> t.startsWith("admin ") || t.startsWith("read-only "))
                .containsExactly("admin *:*", "read-only *:READ");
        assertThat(rows).allSatisfy(r -> assertThat(r.get("built_in")).isEqualTo(true));
    }

    @Test
    void uses_innodb_and_utf8mb4_for_every_table() {
        List<Map<String, Object>> tables = jdbi.withHandle(h -> h.createQuery("""
                SELECT table_name, engine, table_collation FROM information_schema.tables
                WHERE table_schema = DATABASE() AND table_name NOT LIKE 'flyway%'
                """).mapToMap().list());

        assertThat(tables).extracting(t -> t.get("table_name"))
                .containsExactlyInAnyOrder("users", "roles", "role_permissions", "user_roles", "api_tokens",
                        "role_hidden_fields", "sessions", "security_audit");
        assertThat(tables).allSatisfy(t -> {
            assertThat(t.get("engine")).isEqualTo("InnoDB");
            assertThat((String) t.get("table_collation")).startsWith("utf8mb4");
        });
    }

    @Test
    void hides_account_revenue_from_the_support_role() {
        List<String> rules = jdbi.withHandle(h -> h.createQuery("""
                SELECT CONCAT(r.name, ' ', f.resource, '.', f.field) FROM role_hidden_fields f
                JOIN roles r ON r.id = f.role_id
                """).mapTo(String.class).list());

        assertThat(rules).containsExactly("support customers.accounts.annualRevenue");
    }

    @Test
    void refuses_an_action_that_does_not_exist() {
        var error = org.assertj.core.api.Assertions.catchThrowable(() -> jdbi.useHandle(h -> h.execute(
                "INSERT INTO role_permissions (role_id, resource, action) SELECT id, '*', 'FLY' FROM roles LIMIT 1")));

        assertThat(error).isNotNull();
    }
}
