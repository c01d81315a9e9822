package io.mosaic.crm.itests;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.testkit.MosaicPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Per-address throttling: after too many failed sign-ins from one address, whatever the accounts,
 * that address gets 429 with Retry-After. In a class of its own, as it blocks 127.0.0.1.
 */
@ResourceLock(TestLocks.CORES)
class SecurityThrottleTest {
    @RegisterExtension   // a server of its own: blocks 127.0.0.1
    static final MosaicPlatform server = MosaicPlatform.bare();

    @Test
    void an_address_with_too_many_failed_sign_ins_gets_429_with_retry_after() {
        var admin = server.admin();
        var limit = admin.patch("/api/platform/config/io.mosaic.crm.security", "{\"maxFailuresPerAddress\": 3}", null);
        assertThat(limit.status()).as(limit.body()).isEqualTo(200);

        for (int i = 0; i < 3; i++) {
            assertThat(server.as("nobody" + i, "wrong password").get("/api/customers/accounts").status())
                    .isEqualTo(401);
        }
        var basic = server.as("admin", "also wrong").get("/api/customers/accounts");
        var console = new SecurityBrowser(server.baseUrl()).login("someone", "whatever it is");

        assertThat(basic.status()).isEqualTo(429);
        assertThat(basic.error()).isEqualTo("too_many_requests");
        assertThat(Long.parseLong(basic.header("Retry-After"))).isPositive();
        assertThat(console.status()).isEqualTo(429);
        assertThat(admin.get("/api/security/audit?event=login.failure").body()).contains("nobody0", "nobody2");
    }
}
