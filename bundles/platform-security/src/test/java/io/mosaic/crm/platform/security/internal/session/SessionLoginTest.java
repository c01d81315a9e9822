package io.mosaic.crm.platform.security.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.platform.security.internal.login.BasicCredentials;
import io.mosaic.crm.platform.security.internal.login.UserPrincipal;
import io.mosaic.crm.sdk.security.AuthRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionLoginTest {
    private final SecurityStack stack = new SecurityStack();
    private final long anna = stack.createUser("anna", "anna's long passphrase", "read-only");

    private SessionRepository.Opened signIn() {
        UserPrincipal user = stack.passwords.login(new BasicCredentials("anna", "anna's long passphrase"), "192.0.2.1",
                "session", false).orElseThrow();
        return stack.sessions.open(user, null, "192.0.2.1");
    }

    private boolean accepted(String cookie) {
        return stack.authenticator.authenticate(AuthRequest.of("GET", "/api/x",
                Map.of("Cookie", "theme=dark; " + SessionCookie.NAME + "=" + cookie), "192.0.2.1", false)).isPresent();
    }

    @Test
    void authenticates_by_cookie_with_the_sessions_csrf_token() {
        var opened = signIn();

        var principal = stack.authenticator.authenticate(AuthRequest.of("GET", "/", Map.of("Cookie",
                SessionCookie.NAME + "=" + opened.cookie()), "192.0.2.1", false)).orElseThrow();

        assertThat(principal.userId()).isEqualTo(anna);
        assertThat(principal.csrfToken()).hasValue(opened.csrfToken());
    }

    @Test
    void stores_only_a_hash_of_the_session_id() {
        var opened = signIn();

        byte[] stored = stack.jdbi.withHandle(h -> h.createQuery("SELECT id_sha256 FROM sessions WHERE id = :id")
                .bind("id", opened.id()).mapTo(byte[].class).one());

        assertThat(stored).isEqualTo(SessionRepository.sha256(opened.cookie()));
    }

    @Test
    void ends_a_session_left_idle_longer_than_the_idle_timeout() {
        var opened = signIn();
        stack.clock.advance(Duration.ofMinutes(20));
        assertThat(accepted(opened.cookie())).isTrue();

        stack.clock.advance(Duration.ofMinutes(29));
        assertThat(accepted(opened.cookie())).isTrue();

        stack.clock.advance(Duration.ofMinutes(31));
        assertThat(accepted(opened.cookie())).isFalse();
    }

    @Test
    void ends_even_a_busy_session_at_the_absolute_timeout() {
        var opened = signIn();
        for (int i = 0; i < 12 * 4 - 1; i++) {
            stack.clock.advance(Duration.ofMinutes(15));
            assertThat(accepted(opened.cookie())).isTrue();
        }

        stack.clock.advance(Duration.ofMinutes(15));

        assertThat(accepted(opened.cookie())).isFalse();
    }

    @Test
    void applies_shorter_timeouts_live_to_open_sessions() {
        var opened = signIn();
        stack.clock.advance(Duration.ofMinutes(10));

        stack.sessions.policy(new SessionPolicy(Duration.ofMinutes(5), Duration.ofHours(1)));

        assertThat(accepted(opened.cookie())).isFalse();
    }

    @Test
    void a_new_sign_in_replaces_the_session_it_came_with() {
        var first = signIn();
        UserPrincipal user = stack.passwords.login(new BasicCredentials("anna", "anna's long passphrase"), "192.0.2.1",
                "session", false).orElseThrow();

        var second = stack.sessions.open(user, first.cookie(), "192.0.2.1");

        assertThat(second.cookie()).isNotEqualTo(first.cookie());
        assertThat(accepted(first.cookie())).isFalse();
        assertThat(accepted(second.cookie())).isTrue();
    }

    @Test
    void refuses_sessions_of_deactivated_users_and_malformed_cookies() {
        var opened = signIn();

        stack.users.setState(anna, false, false);

        assertThat(accepted(opened.cookie())).isFalse();
        assertThat(accepted("short")).isFalse();
        assertThat(accepted("")).isFalse();
    }

    @Test
    void an_authorization_header_wins_over_the_cookie() {
        var opened = signIn();

        var result = stack.authenticator.authenticate(AuthRequest.of("GET", "/", Map.of("Cookie",
                SessionCookie.NAME + "=" + opened.cookie(), "Authorization", "Bearer nonsense"), "192.0.2.1", false));

        assertThat(result).isEmpty();
    }
}
