package io.mosaic.crm.platform.security.internal.user;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionsTest {
    private static final Permission READ_ACCOUNTS = Permission.of("customers.accounts", Action.READ);
    private static final Permission EDIT_ACCOUNTS = Permission.of("customers.accounts", Action.EDIT);

    private SecurityStack stack;

    @BeforeAll
    void given_users_with_roles() {
        stack = new SecurityStack();
        stack.createUser("ada", "ada's long passphrase", "admin");
        stack.createUser("rita", "rita's long passphrase", "read-only");
        stack.createUser("nora", "nora's long passphrase");
        stack.roles.create("sales-rep", "Works on customers");
        stack.roles.grant("sales-rep", "customers.*", "*");
        stack.roles.grant("sales-rep", "reports.pipeline", "read");
        stack.createUser("sam", "sam's long passphrase", "sales-rep");
    }

    private Principal signIn(String name) {
        return stack.authenticator.authenticate(basic(name, name + "'s long passphrase"), "x").orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void admin_may_do_everything_to_every_resource(Action action) {
        Principal ada = signIn("ada");

        assertThat(ada.may(Permission.of("customers.accounts", action))).isTrue();
        assertThat(ada.may(Permission.of("platform", action))).isTrue();
    }

    @Test
    void read_only_may_read_everything_and_change_nothing() {
        Principal rita = signIn("rita");

        assertThat(rita.may(READ_ACCOUNTS)).isTrue();
        assertThat(rita.may(Permission.of("sales.deals", Action.READ))).isTrue();
        assertThat(rita.may(EDIT_ACCOUNTS)).isFalse();
        assertThat(rita.may(Permission.of("customers.accounts", Action.DELETE))).isFalse();
        assertThat(rita.may(Permission.of("platform", Action.ADMIN))).isFalse();
    }

    @Test
    void everyone_signed_in_holds_the_authenticated_permission_even_without_roles() {
        Principal nora = signIn("nora");

        assertThat(nora.roles()).isEmpty();
        assertThat(nora.may(Permission.authenticated())).isTrue();
        assertThat(nora.may(READ_ACCOUNTS)).isFalse();
    }

    @Test
    void a_module_wildcard_covers_the_module_and_everything_below_it_only() {
        Principal sam = signIn("sam");

        assertThat(sam.may(EDIT_ACCOUNTS)).isTrue();
        assertThat(sam.may(Permission.of("customers", Action.DELETE))).isTrue();
        assertThat(sam.may(Permission.of("customersx.accounts", Action.READ))).isFalse();
        assertThat(sam.may(Permission.of("reports.pipeline", Action.READ))).isTrue();
        assertThat(sam.may(Permission.of("reports.pipeline", Action.EXPORT))).isFalse();
        assertThat(sam.may(Permission.of("reports.revenue", Action.READ))).isFalse();
    }

    @Test
    void a_grant_to_a_role_reaches_its_users_without_waiting_for_the_cache() {
        stack.roles.create("auditor", "");
        stack.createUser("otto", "otto's long passphrase", "auditor");
        assertThat(signIn("otto").may(Permission.of("audit.log", Action.EXPORT))).isFalse();

        stack.roles.grant("auditor", "audit.*", "export");

        assertThat(signIn("otto").may(Permission.of("audit.log", Action.EXPORT))).isTrue();
    }

    @Test
    void refuses_malformed_grants_and_unknown_roles() {
        assertThatThrownBy(() -> stack.roles.grant("sales-rep", "Customers", "read"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stack.roles.grant("sales-rep", "customers", "fly"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stack.roles.grant("no-such-role", "customers", "read"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stack.users.assignRole(1, "no-such-role"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
