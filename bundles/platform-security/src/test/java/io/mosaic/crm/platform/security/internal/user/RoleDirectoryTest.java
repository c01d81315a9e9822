package io.mosaic.crm.platform.security.internal.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.DuplicateException;
import io.mosaic.crm.sdk.error.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoleDirectoryTest {
    private final SecurityStack stack = new SecurityStack();
    private final RoleDirectory roles = new RoleDirectory(stack.jdbi, stack.cache);

    private RoleView role(String name) {
        return roles.list().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void creates_a_custom_role_with_grants_and_hidden_fields() {
        RoleView created = roles.create(new RoleInput("field-sales", "on the road",
                List.of("customers.*:READ", "customers.accounts:edit:own"), List.of("customers.accounts.annualRevenue")));

        assertThat(created.permissions()).containsExactly("customers.*:read", "customers.accounts:edit:own");
        assertThat(created.hiddenFields()).containsExactly("customers.accounts.annualRevenue");
        assertThat(created.builtIn()).isFalse();
    }

    @Test
    void names_every_malformed_part_and_refuses_duplicates() {
        assertThatThrownBy(() -> roles.create(new RoleInput("Bad Name", null, List.of("customers:fly", "nocolon"),
                List.of("annualRevenue", "customers.*.x"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.details())
                        .extracting(p -> p.field()).containsExactly("name", "permissions", "permissions",
                                "hiddenFields", "hiddenFields"));
        assertThatThrownBy(() -> roles.create(new RoleInput("sales", null, List.of(), List.of())))
                .isInstanceOf(DuplicateException.class);
    }

    @Test
    void replacing_keeps_what_is_left_out_and_protects_admin() {
        long support = role("support").id();

        roles.update(support, new RoleInput(null, "helpdesk", null, List.of()));

        assertThat(role("support").hiddenFields()).isEmpty();
        assertThat(role("support").permissions()).contains("customers.contacts:edit");
        assertThat(role("support").description()).isEqualTo("helpdesk");
        assertThatThrownBy(() -> roles.update(role("admin").id(), new RoleInput(null, null, List.of(), null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> roles.delete(support)).isInstanceOf(ConflictException.class);
    }

    @Test
    void a_changed_role_applies_to_its_users_at_once() {
        long sue = stack.createUser("sue", "sue's long passphrase", "support");
        assertThat(stack.roles.accessOf(sue).hidden().of("customers.accounts")).containsExactly("annualRevenue");

        roles.update(role("support").id(), new RoleInput(null, null, null, List.of()));

        assertThat(stack.roles.accessOf(sue).hidden().of("customers.accounts")).isEmpty();
    }
}
