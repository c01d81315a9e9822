package io.mosaic.crm.platform.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.platform.security.internal.UtcTime;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TokenLoginTest {
    private final SecurityStack stack = new SecurityStack();
    private final long anna = stack.createUser("anna", "anna's long passphrase", "admin");

    private Optional<Principal> bearer(String token) {
        return stack.authenticator.authenticate("Bearer " + token, "127.0.0.1");
    }

    private String issue(String scope, Instant expiresAt) {
        return stack.tokens.issue(anna, "ci", scope, expiresAt).token().reveal();
    }

    @Test
    void signs_in_with_a_valid_token_as_its_owner() {
        Principal principal = bearer(issue(null, null)).orElseThrow();

        assertThat(principal.userId()).isEqualTo(anna);
        assertThat(principal.name()).isEqualTo("anna");
        assertThat(principal.roles()).containsExactly("admin");
        assertThat(principal.may(Permission.of("customers.accounts", Action.DELETE))).isTrue();
    }

    @Test
    void stores_only_the_sha256_of_the_secret() {
        var issued = stack.tokens.issue(anna, "ci", null, null);

        byte[] stored = stack.jdbi.withHandle(h -> h.createQuery("SELECT secret_sha256 FROM api_tokens WHERE id = :id")
                .bind("id", issued.id()).mapTo(byte[].class).one());

        assertThat(stored).hasSize(32).isEqualTo(issued.token().secretSha256());
    }

    @Test
    void rejects_a_revoked_token() {
        var issued = stack.tokens.issue(anna, "ci", null, null);

        assertThat(stack.tokens.revoke(issued.id())).isTrue();

        assertThat(bearer(issued.token().reveal())).isEmpty();
        assertThat(stack.tokens.revoke(issued.id())).isFalse();
    }

    @Test
    void rejects_a_token_once_it_has_expired() {
        String token = issue(null, stack.clock.instant().plus(Duration.ofHours(1)));
        assertThat(bearer(token)).isPresent();

        stack.clock.advance(Duration.ofHours(1));

        assertThat(bearer(token)).isEmpty();
    }

    @Test
    void rejects_a_token_whose_owner_is_inactive_or_locked_by_an_administrator() {
        String token = issue(null, null);

        stack.users.setState(anna, false, false);
        assertThat(bearer(token)).isEmpty();
        stack.users.setState(anna, true, true);
        assertThat(bearer(token)).isEmpty();
        stack.users.setState(anna, true, false);
        assertThat(bearer(token)).isPresent();
    }

    @Test
    void rejects_a_token_with_a_known_prefix_but_another_secret() {
        String token = issue(null, null);
        char last = token.charAt(token.length() - 1);
        String forged = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThat(bearer(forged)).isEmpty();
    }

    @Test
    void rejects_garbled_and_unknown_tokens() {
        String token = issue(null, null);

        assertThat(bearer(token.toLowerCase())).isEmpty();
        assertThat(bearer(token.substring(0, token.length() - 1))).isEmpty();
        assertThat(bearer(token + "A")).isEmpty();
        assertThat(bearer("msc_ZZZZZZZZ_" + token.substring(13))).isEmpty();
        assertThat(bearer("msc_" + token.substring(4).replace('_', '.'))).isEmpty();
        assertThat(bearer("not a token at all")).isEmpty();
    }

    @Test
    void finds_the_prefix_case_sensitively() {
        String token = issue(null, null);
        String prefix = token.substring(4, 12);
        String flipped = prefix.chars().mapToObj(c -> String.valueOf((char) (Character.isUpperCase(c)
                ? Character.toLowerCase(c) : Character.toUpperCase(c)))).reduce("", String::concat);

        assertThat(stack.tokens.find(prefix)).isPresent();
        if (!flipped.equals(prefix)) {
            assertThat(stack.tokens.find(flipped)).isEmpty();
        }
    }

    @Test
    void a_scope_limits_the_token_to_part_of_what_its_owner_may_do() {
        Principal principal = bearer(issue("customers.*:read reports:export", null)).orElseThrow();

        assertThat(principal.may(Permission.of("customers.accounts", Action.READ))).isTrue();
        assertThat(principal.may(Permission.of("reports", Action.EXPORT))).isTrue();
        assertThat(principal.may(Permission.of("customers.accounts", Action.EDIT))).isFalse();
        assertThat(principal.may(Permission.of("sales.deals", Action.READ))).isFalse();
        assertThat(principal.may(Permission.authenticated())).isTrue();
    }

    @Test
    void a_scope_never_grants_more_than_the_owner_holds() {
        long reader = stack.createUser("rita", "rita's long passphrase", "read-only");
        String token = stack.tokens.issue(reader, "ci", "*:*", null).token().reveal();

        Principal principal = bearer(token).orElseThrow();

        assertThat(principal.may(Permission.of("customers.accounts", Action.READ))).isTrue();
        assertThat(principal.may(Permission.of("customers.accounts", Action.DELETE))).isFalse();
    }

    @Test
    void refuses_to_issue_a_token_with_a_malformed_scope() {
        assertThatThrownBy(() -> stack.tokens.issue(anna, "ci", "customers", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> stack.tokens.issue(anna, "ci", "customers:fly", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refuses_a_token_whose_stored_scope_is_unreadable() {
        var issued = stack.tokens.issue(anna, "ci", null, null);
        stack.jdbi.useHandle(h -> h.execute("UPDATE api_tokens SET scope = 'garbage' WHERE id = ?", issued.id()));

        assertThat(bearer(issued.token().reveal())).isEmpty();
    }

    @Test
    void records_when_a_token_was_last_used_at_most_once_a_minute() {
        var issued = stack.tokens.issue(anna, "ci", null, null);
        Instant first = stack.clock.instant();

        bearer(issued.token().reveal());
        stack.clock.advance(Duration.ofSeconds(30));
        bearer(issued.token().reveal());
        assertThat(lastUsed(issued.id())).isEqualTo(first);

        stack.clock.advance(Duration.ofSeconds(30));
        bearer(issued.token().reveal());
        assertThat(lastUsed(issued.id())).isEqualTo(first.plusSeconds(60));
    }

    private Instant lastUsed(long tokenId) {
        return stack.jdbi.withHandle(h -> h.createQuery("SELECT CAST(last_used_at AS CHAR) AS last_used_at FROM api_tokens WHERE id = :id")
                .bind("id", tokenId).map((rs, ctx) -> UtcTime.read(rs, "last_used_at")).one());
    }
}
