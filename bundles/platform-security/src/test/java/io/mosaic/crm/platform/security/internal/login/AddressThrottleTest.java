package io.mosaic.crm.platform.security.internal.login;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.security.internal.MutableClock;
import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.sdk.error.TooManyRequestsException;
import io.mosaic.crm.sdk.security.AuthRequest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AddressThrottleTest {
    private final MutableClock clock = new MutableClock();
    private final AddressThrottle throttle = new AddressThrottle(clock, 3, Duration.ofMinutes(10));

    @Test
    void refuses_an_address_after_too_many_failures_until_its_window_ends() {
        for (int i = 0; i < 3; i++) {
            throttle.check("192.0.2.1");
            throttle.failure("192.0.2.1");
        }

        assertThatThrownBy(() -> throttle.check("192.0.2.1")).isInstanceOf(TooManyRequestsException.class)
                .satisfies(e -> assertThat(((TooManyRequestsException) e).retryAfterSeconds()).isBetween(1L, 601L));
        throttle.check("192.0.2.2");

        clock.advance(Duration.ofMinutes(10));
        throttle.check("192.0.2.1");
    }

    @Test
    void counts_failures_across_accounts_and_refuses_before_verifying() {
        var stack = new SecurityStack();
        stack.createUser("anna", "anna's long passphrase", "read-only");
        stack.throttle.limits(2, Duration.ofMinutes(10));
        stack.authenticator.authenticate(basic("anna", "wrong one"), "198.51.100.9");
        stack.authenticator.authenticate(basic("nobody", "wrong two"), "198.51.100.9");

        assertThatThrownBy(() -> stack.authenticator.authenticate(basic("anna", "anna's long passphrase 2"),
                "198.51.100.9")).isInstanceOf(TooManyRequestsException.class);
        assertThat(stack.authenticator.authenticate(basic("anna", "anna's long passphrase"), "198.51.100.10")).isPresent();
    }

    @Test
    void believes_forwarded_addresses_only_from_trusted_proxies() {
        var origin = new ClientOrigin();
        var headers = Map.of("X-Forwarded-For", "203.0.113.5, 10.0.0.7", "X-Forwarded-Proto", "https");
        var request = AuthRequest.of("GET", "/", headers, "10.0.0.1", false);

        assertThat(origin.of(request::header, "10.0.0.1", false)).isEqualTo(new ClientOrigin.Client("10.0.0.1", false));
        origin.trust(Set.of("10.0.0.1"));
        assertThat(origin.of(request::header, "10.0.0.1", false)).isEqualTo(new ClientOrigin.Client("10.0.0.7", true));
    }
}
