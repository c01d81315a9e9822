package io.mosaic.crm.platform.security.internal.password;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.platform.security.internal.SecurityStack;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Argon2 under concurrency: never more computations at once than there are slots (each holds
 * 19 MiB), and identical verifications in flight share one computation.
 */
class ConcurrentVerificationTest {
    private static final String HASH = SecurityStack.HASHER.hash("one valid passphrase");

    private final ExecutorService callers = Executors.newFixedThreadPool(40);
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void stop() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void never_runs_more_computations_at_once_than_it_has_slots() throws Exception {
        var slots = new Argon2Slots(2, Duration.ofSeconds(60));
        var hasher = new Argon2idHasher(HashCost.OWASP, new SecureRandom(), slots);
        var start = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String guess = "wrong guess " + i;
            results.add(CompletableFuture.supplyAsync(() -> {
                Argon2SlotsTest.await(start);
                return hasher.verify(guess, HASH);
            }, callers));
        }
        start.countDown();

        for (var result : results) {
            assertThat(result.get(60, TimeUnit.SECONDS)).isFalse();
        }
        assertThat(slots.peakActive()).isEqualTo(2);
        assertThat(slots.waits()).isPositive();
    }

    @Test
    void identical_verifications_in_flight_share_one_computation_and_all_get_its_result() throws Exception {
        var slots = new Argon2Slots(1, Duration.ofSeconds(60));
        var hasher = new Argon2idHasher(HashCost.OWASP, new SecureRandom(), slots);
        Argon2SlotsTest.hold(slots, release); // so that every caller arrives while the first one waits
        long before = hasher.verifications();

        List<CompletableFuture<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            results.add(CompletableFuture.supplyAsync(() -> hasher.verify("one valid passphrase", HASH), callers));
        }
        awaitCoalesced(hasher, 39);
        release.countDown();

        for (var result : results) {
            assertThat(result.get(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(hasher.verifications()).isEqualTo(before + 1);
    }

    @Test
    void different_passwords_or_hashes_are_never_shared() throws Exception {
        var slots = new Argon2Slots(1, Duration.ofSeconds(60));
        var hasher = new Argon2idHasher(HashCost.OWASP, new SecureRandom(), slots);
        String otherHash = SecurityStack.HASHER.hash("one valid passphrase"); // same password, other salt
        Argon2SlotsTest.hold(slots, release);

        var right = CompletableFuture.supplyAsync(() -> hasher.verify("one valid passphrase", HASH), callers);
        var wrong = CompletableFuture.supplyAsync(() -> hasher.verify("one valid passphrasE", HASH), callers);
        var other = CompletableFuture.supplyAsync(() -> hasher.verify("one valid passphrase", otherHash), callers);
        release.countDown();

        assertThat(right.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(wrong.get(60, TimeUnit.SECONDS)).isFalse();
        assertThat(other.get(60, TimeUnit.SECONDS)).isTrue();
        assertThat(hasher.coalesced()).isZero();
    }

    static void awaitCoalesced(Argon2idHasher hasher, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (hasher.coalesced() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
