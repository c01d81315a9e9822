package io.mosaic.crm.platform.security.internal.login;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.sdk.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BasicLoginTest {
    private SecurityStack stack;
    private long annaId;

    @BeforeAll
    void given_users() {
        stack = new SecurityStack();
        annaId = stack.createUser("anna", "anna's long passphrase", "read-only");
        long bert = stack.createUser("bert", "bert's long passphrase", "admin");
        stack.users.setState(bert, false, false);
        long carl = stack.createUser("carl", "carl's long passphrase", "admin");
        stack.users.setState(carl, true, true);
    }

    private Optional<Principal> authenticate(String header) {
        return stack.authenticator.authenticate(header, "127.0.0.1");
    }

    @Test
    void signs_in_with_the_right_password_and_names_the_user_and_roles() {
        Principal anna = authenticate(basic("anna", "anna's long passphrase")).orElseThrow();

        assertThat(anna.userId()).isEqualTo(annaId);
        assertThat(anna.name()).isEqualTo("anna");
        assertThat(anna.roles()).containsExactly("read-only");
    }

    @Test
    void accepts_the_scheme_name_in_any_case() {
        String header = basic("anna", "anna's long passphrase").replace("Basic", "bAsIc");

        assertThat(authenticate(header)).isPresent();
    }

    @Test
    void rejects_a_wrong_password() {
        assertThat(authenticate(basic("anna", "anna's long passphrasE"))).isEmpty();
    }

    @Test
    void rejects_an_unknown_user_after_spending_one_argon2_verification_like_a_known_one() {
        long before = SecurityStack.HASHER.verifications();

        assertThat(authenticate(basic("nobody", "anna's long passphrase"))).isEmpty();

        assertThat(SecurityStack.HASHER.verifications()).isEqualTo(before + 1);
    }

    @Test
    void rejects_an_inactive_user_even_with_the_right_password() {
        assertThat(authenticate(basic("bert", "bert's long passphrase"))).isEmpty();
    }

    @Test
    void rejects_a_user_locked_by_an_administrator_even_with_the_right_password() {
        assertThat(authenticate(basic("carl", "carl's long passphrase"))).isEmpty();
    }

    @Test
    void rejects_a_deleted_user() {
        long dora = stack.createUser("dora", "dora's long passphrase", "admin");
        stack.jdbi.useHandle(h -> h.execute("UPDATE users SET deleted_at = UTC_TIMESTAMP() WHERE id = ?", dora));

        assertThat(authenticate(basic("dora", "dora's long passphrase"))).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {
        "",
        "Basic",
        "Basic ",
        "Basic !!!not base64!!!",
        "Basic YW5uYQ==",
        "Basic Og==",
        "Basic /w==",
        "Digest username=\"anna\"",
        "Negotiate YW5uYTphbm5hJ3MgbG9uZyBwYXNzcGhyYXNl",
        "Bearer",
        "Bearer ",
        "Bearer YW5uYTphbm5hJ3MgbG9uZyBwYXNzcGhyYXNl",
        "YW5uYTphbm5hJ3MgbG9uZyBwYXNzcGhyYXNl"
    })
    void treats_a_malformed_or_foreign_header_as_no_caller_without_throwing(String header) {
        assertThat(authenticate(header)).isEmpty();
    }

    @Test
    void rejects_a_header_too_long_to_be_real_without_hashing_it() {
        String huge = "Basic " + Base64.getEncoder()
                .encodeToString(("anna:" + "x".repeat(100_000)).getBytes(StandardCharsets.UTF_8));
        long before = SecurityStack.HASHER.verifications();

        assertThat(authenticate(huge)).isEmpty();
        assertThat(SecurityStack.HASHER.verifications()).isEqualTo(before);
    }
}
