package io.mosaic.crm.platform.security.internal.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.platform.security.internal.login.UserPrincipal;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;

class HiddenFieldsTest {
    private final SecurityStack stack = new SecurityStack();
    private final RoleDirectory roles = new RoleDirectory(stack.jdbi, stack.cache);

    private UserPrincipal principalOf(long userId) {
        var access = stack.roles.accessOf(userId);
        return UserPrincipal.of(userId, "u", access, access.grants(), UserPrincipal.Via.PASSWORD);
    }

    @Test
    void hides_account_revenue_from_support_but_not_from_admins() {
        long sue = stack.createUser("sue", "sue's long passphrase", "support");
        long ada = stack.createUser("ada", "ada's long passphrase", "admin");

        assertThat(principalOf(sue).hiddenFields("customers.accounts")).containsExactly("annualRevenue");
        assertThat(principalOf(sue).hiddenFields("customers.contacts")).isEmpty();
        assertThat(principalOf(ada).hiddenFields("customers.accounts")).isEmpty();
    }

    @Test
    void a_second_role_that_reads_the_resource_unhides_the_field_but_one_that_cannot_read_it_does_not() {
        long both = stack.createUser("both", "a long passphrase", "support", "sales");
        roles.create(new RoleInput("badges", "", List.of("platform.metrics:read"), List.of()));
        long badge = stack.createUser("badge", "a long passphrase", "support", "badges");

        assertThat(principalOf(both).hiddenFields("customers.accounts")).isEmpty();
        assertThat(principalOf(badge).hiddenFields("customers.accounts")).containsExactly("annualRevenue");
    }

    @Test
    void own_scoped_grants_allow_but_only_for_own_records() {
        roles.create(new RoleInput("rep", "", List.of("customers.accounts:read", "customers.accounts:edit:own"),
                List.of()));
        long rep = stack.createUser("rep", "a long passphrase", "rep");
        Permission edit = Permission.of("customers.accounts", Action.EDIT);
        Permission read = Permission.of("customers.accounts", Action.READ);

        assertThat(principalOf(rep).may(edit)).isTrue();
        assertThat(principalOf(rep).ownOnly(edit)).isTrue();
        assertThat(principalOf(rep).ownOnly(read)).isFalse();
        assertThat(roles.list()).filteredOn(r -> r.name().equals("rep")).singleElement()
                .satisfies(r -> assertThat(r.permissions()).containsExactly("customers.accounts:edit:own",
                        "customers.accounts:read"));
    }
}
