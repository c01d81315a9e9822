package io.mosaic.crm.platform.security.internal.login;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.platform.security.internal.user.Grants;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialCacheTest {
    private final SecurityStack stack = new SecurityStack(Duration.ofSeconds(60), LoginPolicy.DEFAULT);

    private boolean signIn(String name, String password) {
        return stack.authenticator.authenticate(basic(name, password), "127.0.0.1").isPresent();
    }

    private long verifications() {
        return SecurityStack.HASHER.verifications();
    }

    @Test
    void a_repeated_sign_in_within_the_lifetime_does_not_run_argon2_again() {
        stack.createUser("anna", "anna's long passphrase", "read-only");
        assertThat(signIn("anna", "anna's long passphrase")).isTrue();
        long after = verifications();

        for (int i = 0; i < 5; i++) {
            assertThat(signIn("anna", "anna's long passphrase")).isTrue();
        }

        assertThat(verifications()).isEqualTo(after);
        assertThat(stack.cache.hits()).isEqualTo(5);
    }

    @Test
    void a_wrong_password_is_never_served_from_the_cache() {
        stack.createUser("anna", "anna's long passphrase", "read-only");
        signIn("anna", "anna's long passphrase");
        long after = verifications();

        assertThat(signIn("anna", "anna's long passphrasE")).isFalse();
        assertThat(verifications()).isEqualTo(after + 1);
    }

    @Test
    void verifies_again_once_the_lifetime_is_over() {
        stack.createUser("anna", "anna's long passphrase", "read-only");
        signIn("anna", "anna's long passphrase");
        long after = verifications();

        stack.clock.advance(Duration.ofSeconds(61));

        assertThat(signIn("anna", "anna's long passphrase")).isTrue();
        assertThat(verifications()).isEqualTo(after + 1);
    }

    @Test
    void forgets_a_user_whose_password_changed() {
        long anna = stack.createUser("anna", "anna's long passphrase", "read-only");
        signIn("anna", "anna's long passphrase");

        stack.users.changePassword(anna, SecurityStack.HASHER.hash("anna's new passphrase"));

        assertThat(signIn("anna", "anna's long passphrase")).isFalse();
        assertThat(signIn("anna", "anna's new passphrase")).isTrue();
    }

    @Test
    void forgets_a_user_whose_roles_changed_or_who_was_deactivated() {
        long anna = stack.createUser("anna", "anna's long passphrase", "read-only");
        signIn("anna", "anna's long passphrase");

        stack.users.assignRole(anna, "admin");
        var principal = stack.authenticator.authenticate(basic("anna", "anna's long passphrase"), "x").orElseThrow();
        assertThat(principal.roles()).containsExactlyInAnyOrder("admin", "read-only");

        stack.users.setState(anna, false, false);
        assertThat(signIn("anna", "anna's long passphrase")).isFalse();
    }

    @Test
    void a_lifetime_of_zero_turns_caching_off_at_once() {
        stack.createUser("anna", "anna's long passphrase", "read-only");
        signIn("anna", "anna's long passphrase");

        stack.cache.ttl(Duration.ZERO);
        long after = verifications();
        signIn("anna", "anna's long passphrase");
        signIn("anna", "anna's long passphrase");

        assertThat(verifications()).isEqualTo(after + 2);
        assertThat(stack.cache.size()).isZero();
    }

    @Test
    void holds_a_bounded_number_of_entries_dropping_the_least_recently_used() {
        var clock = stack.clock;
        var cache = new CredentialCache(clock, Duration.ofMinutes(1), 3, new SecureRandom());
        for (int i = 1; i <= 4; i++) {
            cache.put("user" + i, "pw", principal(i), cache.ticket());
            cache.find("user1", "pw");
        }

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.find("user1", "pw")).isPresent();
        assertThat(cache.find("user2", "pw")).isEmpty();
        assertThat(cache.find("user4", "pw")).isPresent();
    }

    @Test
    void drops_an_entry_read_before_a_change_that_happened_while_it_was_verified() {
        var cache = new CredentialCache(stack.clock, Duration.ofMinutes(1), 10, new SecureRandom());
        long ticket = cache.ticket();

        cache.userChanged(7);
        cache.put("anna", "pw", principal(7), ticket);

        assertThat(cache.find("anna", "pw")).isEmpty();
    }

    @Test
    void keys_by_name_and_password_together() {
        var cache = new CredentialCache(stack.clock, Duration.ofMinutes(1), 10, new SecureRandom());
        cache.put("ann", "apw", principal(1), cache.ticket());

        assertThat(cache.find("ann", "apw")).isPresent();
        assertThat(cache.find("anna", "pw")).isEmpty();
        assertThat(cache.find("ann", "apW")).isEmpty();
    }

    private static UserPrincipal principal(long id) {
        return new UserPrincipal(id, "user" + id, Set.of(), Grants.NONE);
    }
}
