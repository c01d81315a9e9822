package io.mosaic.crm.platform.security.internal.login;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LockoutTest {
    private static final String RIGHT = "anna's long passphrase";
    private static final String WRONG = "not anna's passphrase";

    private final SecurityStack stack = new SecurityStack(Duration.ofSeconds(60),
            new LoginPolicy(3, Duration.ofSeconds(300)));
    private final long anna = stack.createUser("anna", RIGHT, "read-only");

    private boolean signIn(String password) {
        return stack.authenticator.authenticate(basic("anna", password), "192.0.2.7").isPresent();
    }

    private int failedLogins() {
        return stack.jdbi.withHandle(h -> h.createQuery("SELECT failed_logins FROM users WHERE id = :id")
                .bind("id", anna).mapTo(Integer.class).one());
    }

    @Test
    void locks_the_account_after_the_configured_number_of_wrong_passwords() {
        signIn(WRONG);
        signIn(WRONG);
        signIn(WRONG);

        assertThat(signIn(RIGHT)).isFalse();
    }

    @Test
    void unlocks_when_the_lockout_period_is_over() {
        for (int i = 0; i < 3; i++) {
            signIn(WRONG);
        }
        stack.clock.advance(Duration.ofSeconds(299));
        assertThat(signIn(RIGHT)).isFalse();

        stack.clock.advance(Duration.ofSeconds(1));

        assertThat(signIn(RIGHT)).isTrue();
        assertThat(failedLogins()).isZero();
    }

    @Test
    void a_right_password_resets_the_count() {
        signIn(WRONG);
        signIn(WRONG);
        assertThat(signIn(RIGHT)).isTrue();
        assertThat(failedLogins()).isZero();

        signIn(WRONG);
        signIn(WRONG);

        assertThat(signIn(RIGHT)).isTrue();
    }

    @Test
    void wrong_passwords_during_a_lockout_do_not_extend_it_and_a_new_count_starts_after_it() {
        for (int i = 0; i < 3; i++) {
            signIn(WRONG);
        }
        stack.clock.advance(Duration.ofSeconds(200));
        signIn(WRONG);
        stack.clock.advance(Duration.ofSeconds(100));

        signIn(WRONG);
        assertThat(failedLogins()).isEqualTo(1);
        assertThat(signIn(RIGHT)).isTrue();
    }

    @Test
    void a_cached_credential_stops_working_when_the_account_gets_locked() {
        assertThat(signIn(RIGHT)).isTrue();

        for (int i = 0; i < 3; i++) {
            signIn(WRONG);
        }

        assertThat(signIn(RIGHT)).isFalse();
    }

    @Test
    void applies_a_changed_policy_to_the_next_attempt() {
        stack.passwords.policy(new LoginPolicy(1, Duration.ofSeconds(10)));

        signIn(WRONG);
        assertThat(signIn(RIGHT)).isFalse();
        stack.clock.advance(Duration.ofSeconds(10));

        assertThat(signIn(RIGHT)).isTrue();
    }
}
