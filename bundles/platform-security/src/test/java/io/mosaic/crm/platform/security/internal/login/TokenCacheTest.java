package io.mosaic.crm.platform.security.internal.login;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.platform.security.internal.token.TokenText;
import io.mosaic.crm.platform.security.internal.user.Grants;
import io.mosaic.crm.platform.security.internal.user.UserDirectory;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private static final Permission DELETE_ACCOUNTS = Permission.of("customers.accounts", Action.DELETE);

    private final SecurityStack stack = new SecurityStack();
    private final long anna = stack.createUser("anna", "anna's long passphrase", "read-only");
    private final AtomicInteger statements = new AtomicInteger();

    TokenCacheTest() {
        stack.jdbi.setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                statements.incrementAndGet();
            }
        });
    }

    private Optional<Principal> bearer(String token) {
        return stack.authenticator.authenticate("Bearer " + token, "127.0.0.1");
    }

    @Test
    void a_repeated_token_request_is_served_from_memory_without_sql() {
        String token = stack.tokens.issue(anna, "ci", null, null).token().reveal();
        assertThat(bearer(token)).isPresent();
        statements.set(0);

        for (int i = 0; i < 5; i++) {
            stack.clock.advance(Duration.ofSeconds(5));
            assertThat(bearer(token).orElseThrow().userId()).isEqualTo(anna);
        }

        assertThat(statements.get()).isZero();
        assertThat(stack.cache.tokens().hits()).isEqualTo(5);
    }

    @Test
    void still_records_the_use_once_a_minute_when_served_from_memory() {
        stack.cache.tokens().ttl(Duration.ofMinutes(5));
        String token = stack.tokens.issue(anna, "ci", null, null).token().reveal();
        bearer(token);
        stack.clock.advance(Duration.ofSeconds(20));
        bearer(token);
        statements.set(0);

        stack.clock.advance(Duration.ofSeconds(40));
        bearer(token);
        bearer(token);

        assertThat(statements.get()).isEqualTo(2); // last_used_at and the audit entry, once
        assertThat(stack.cache.tokens().hits()).isEqualTo(3);
    }

    @Test
    void a_token_deleted_behind_its_back_works_only_until_the_lifetime_ends() {
        var issued = stack.tokens.issue(anna, "ci", null, null);
        String token = issued.token().reveal();
        assertThat(bearer(token)).isPresent();

        stack.jdbi.useHandle(h -> h.execute("DELETE FROM api_tokens WHERE id = ?", issued.id()));
        assertThat(bearer(token)).isPresent();

        stack.clock.advance(Duration.ofSeconds(61));
        assertThat(bearer(token)).isEmpty();
    }

    @Test
    void revoking_a_token_takes_effect_at_once() {
        var own = stack.tokens.issue(anna, "ci", null, null);
        var other = stack.tokens.issue(anna, "cd", null, null);
        assertThat(bearer(own.token().reveal())).isPresent();
        assertThat(bearer(other.token().reveal())).isPresent();

        assertThat(stack.tokens.revoke(anna, own.id())).isTrue();
        assertThat(stack.tokens.revoke(other.id())).isTrue();

        assertThat(bearer(own.token().reveal())).isEmpty();
        assertThat(bearer(other.token().reveal())).isEmpty();
    }

    @Test
    void an_expired_token_is_rejected_even_when_remembered() {
        String token = stack.tokens.issue(anna, "ci", null, stack.clock.instant().plusSeconds(10)).token().reveal();
        assertThat(bearer(token)).isPresent();

        stack.clock.advance(Duration.ofSeconds(10));

        assertThat(bearer(token)).isEmpty();
    }

    @Test
    void a_change_of_roles_or_permissions_takes_effect_at_once() {
        String token = stack.tokens.issue(anna, "ci", null, null).token().reveal();
        assertThat(bearer(token).orElseThrow().may(DELETE_ACCOUNTS)).isFalse();

        stack.roles.grant("read-only", "customers.accounts", "delete");
        assertThat(bearer(token).orElseThrow().may(DELETE_ACCOUNTS)).isTrue();

        stack.users.assignRole(anna, "admin");
        assertThat(bearer(token).orElseThrow().roles()).containsExactlyInAnyOrder("admin", "read-only");
    }

    @Test
    void deactivating_locking_or_deleting_the_owner_takes_effect_at_once() {
        String token = stack.tokens.issue(anna, "ci", null, null).token().reveal();
        bearer(token);
        stack.users.setState(anna, false, false);
        assertThat(bearer(token)).isEmpty();

        stack.users.setState(anna, true, false);
        bearer(token);
        stack.users.setState(anna, true, true);
        assertThat(bearer(token)).isEmpty();

        stack.users.setState(anna, true, false);
        assertThat(bearer(token)).isPresent();
        new UserDirectory(stack.jdbi, stack.clock, stack.users, stack.cache).delete(anna);
        assertThat(bearer(token)).isEmpty();
    }

    @Test
    void a_lifetime_of_zero_turns_token_caching_off_at_once() {
        String token = stack.tokens.issue(anna, "ci", null, null).token().reveal();
        bearer(token);

        stack.cache.tokens().ttl(Duration.ZERO);
        statements.set(0);
        assertThat(bearer(token)).isPresent();

        assertThat(statements.get()).isPositive();
        assertThat(stack.cache.tokens().size()).isZero();
    }

    @Test
    void holds_a_bounded_number_of_tokens() {
        var cache = new TokenCache(stack.clock, Duration.ofMinutes(1), 10);
        for (int i = 0; i < 25; i++) {
            var text = TokenText.parse(
                    stack.tokens.issue(anna, "t" + i, null, null).token().reveal()).orElseThrow();
            var principal = new UserPrincipal(anna, "anna", Set.of(), Grants.NONE);
            cache.put(text, new TokenCache.Cached(principal, i, text.prefix(), Instant.EPOCH), null, cache.ticket());
        }

        assertThat(cache.size()).isBetween(1, 10);
    }
}
