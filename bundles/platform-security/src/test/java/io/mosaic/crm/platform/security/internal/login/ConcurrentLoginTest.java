package io.mosaic.crm.platform.security.internal.login;

import static io.mosaic.crm.platform.security.internal.SecurityStack.basic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import io.mosaic.crm.platform.security.internal.password.Argon2Slots;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.password.HashCost;
import io.mosaic.crm.sdk.error.UnavailableException;
import io.mosaic.crm.sdk.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * HTTP Basic under load: a burst of identical credentials costs one Argon2 computation, a hot
 * credential is re-verified before its cache entry expires (so callers never all re-verify at
 * once), and a verifier without a free slot answers 503 busy rather than running out of memory.
 */
class ConcurrentLoginTest {
    private static final String PASSWORD = "anna's long passphrase";

    private final Argon2Slots slots = new Argon2Slots(1, Duration.ofSeconds(60));
    private final Argon2idHasher hasher = new Argon2idHasher(HashCost.OWASP, new SecureRandom(), slots);
    private final SecurityStack stack = new SecurityStack(Duration.ofSeconds(60), LoginPolicy.DEFAULT, hasher);
    private final ExecutorService callers = Executors.newFixedThreadPool(40);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    private Optional<Principal> signIn(String password) {
        return stack.authenticator.authenticate(basic("anna", password), "127.0.0.1");
    }

    @Test
    void forty_simultaneous_sign_ins_with_one_valid_password_on_a_cold_cache_run_argon2_once() throws Exception {
        stack.createUser("anna", PASSWORD, "read-only");
        holdTheOnlySlot();
        long before = hasher.verifications();

        List<CompletableFuture<Optional<Principal>>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(CompletableFuture.supplyAsync(() -> signIn(PASSWORD), callers));
        }
        awaitCoalesced(39);
        release.countDown();

        for (var result : results) {
            assertThat(result.get(60, TimeUnit.SECONDS)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("anna"));
        }
        assertThat(hasher.verifications()).isEqualTo(before + 1);
    }

    @Test
    void a_credential_in_use_is_verified_again_before_its_entry_expires_so_it_never_misses() {
        stack.createUser("anna", PASSWORD, "read-only");
        assertThat(signIn(PASSWORD)).isPresent();
        long first = hasher.verifications();

        stack.clock.advance(Duration.ofSeconds(50)); // in the last quarter of its 60 s
        assertThat(signIn(PASSWORD)).isPresent();
        assertThat(hasher.verifications()).as("refreshed ahead of expiry").isEqualTo(first + 1);

        stack.clock.advance(Duration.ofSeconds(20)); // 70 s after the first verification
        long hits = stack.cache.hits();
        assertThat(signIn(PASSWORD)).isPresent();
        assertThat(stack.cache.hits()).as("still a hit past the first entry's expiry").isEqualTo(hits + 1);
        assertThat(hasher.verifications()).isEqualTo(first + 1);
    }

    @Test
    void only_one_caller_refreshes_an_entry_while_the_others_are_served_from_the_cache() {
        stack.createUser("anna", PASSWORD, "read-only");
        signIn(PASSWORD);
        long first = hasher.verifications();
        stack.clock.advance(Duration.ofSeconds(50));

        var cached = stack.cache.find("anna", PASSWORD);
        var second = stack.cache.find("anna", PASSWORD);

        assertThat(cached).hasValueSatisfying(hit -> assertThat(hit.refresh()).isTrue());
        assertThat(second).hasValueSatisfying(hit -> assertThat(hit.refresh()).isFalse());
        assertThat(hasher.verifications()).isEqualTo(first);
    }

    @Test
    void a_refresh_that_finds_no_free_slot_keeps_serving_the_cached_sign_in() throws Exception {
        stack.createUser("anna", PASSWORD, "read-only");
        signIn(PASSWORD);
        slots.resize(1, Duration.ofMillis(20));
        holdTheOnlySlot();
        stack.clock.advance(Duration.ofSeconds(50));

        assertThat(signIn(PASSWORD)).isPresent();
    }

    @Test
    void a_sign_in_that_finds_no_free_slot_in_time_is_answered_busy_not_failed() throws Exception {
        stack.createUser("anna", PASSWORD, "read-only");
        slots.resize(1, Duration.ofMillis(20));
        holdTheOnlySlot();

        assertThatThrownBy(() -> signIn("a wrong guess"))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.code()).isEqualTo("busy"));
        assertThat(slots.rejections()).isEqualTo(1);
    }

    private void holdTheOnlySlot() throws InterruptedException {
        var running = new CountDownLatch(1);
        CompletableFuture.runAsync(() -> slots.run(() -> {
            running.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    }

    private void awaitCoalesced(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hasher.coalesced() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
