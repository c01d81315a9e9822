package io.mosaic.crm.platform.security.internal.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.sdk.error.UnavailableException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class Argon2SlotsTest {
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void let_go() {
        release.countDown();
    }

    /** Occupies one slot until the test ends (or {@link #release} is counted down). */
    static CompletableFuture<Void> hold(Argon2Slots slots, CountDownLatch release) throws InterruptedException {
        var running = new CountDownLatch(1);
        var held = CompletableFuture.runAsync(() -> slots.run(() -> {
            running.countDown();
            await(release);
            return null;
        }));
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        return held;
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void turns_a_caller_away_with_busy_when_no_slot_frees_up_within_the_wait() throws Exception {
        var slots = new Argon2Slots(1, Duration.ofMillis(50));
        hold(slots, release);

        long start = System.nanoTime();
        assertThatThrownBy(() -> slots.run(() -> "never"))
                .isInstanceOfSatisfying(UnavailableException.class, e -> assertThat(e.code()).isEqualTo("busy"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(45));
        assertThat(slots.waits()).isEqualTo(1);
        assertThat(slots.rejections()).isEqualTo(1);
        assertThat(slots.computations()).isEqualTo(1);
    }

    @Test
    void a_waiting_caller_runs_as_soon_as_a_slot_frees() throws Exception {
        var slots = new Argon2Slots(1, Duration.ofSeconds(10));
        var held = hold(slots, release);

        var waiting = CompletableFuture.supplyAsync(() -> slots.run(() -> "ran"));
        release.countDown();

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        held.get(10, TimeUnit.SECONDS);
        assertThat(slots.rejections()).isZero();
        assertThat(slots.peakActive()).isEqualTo(1);
    }

    @Test
    void more_slots_apply_at_once_and_fewer_as_running_computations_end() throws Exception {
        var slots = new Argon2Slots(1, Duration.ofMillis(20));
        hold(slots, release);

        slots.resize(2, Duration.ofMillis(20));
        assertThat(slots.run(() -> "second slot")).isEqualTo("second slot");

        slots.resize(1, Duration.ofMillis(20));
        assertThat(slots.permits()).isEqualTo(1);
        assertThatThrownBy(() -> slots.run(() -> "none left")).isInstanceOf(UnavailableException.class);
    }

    @Test
    void by_default_uses_a_slot_per_core_but_never_more_than_a_quarter_of_the_heap_holds() {
        int cores = Runtime.getRuntime().availableProcessors();
        long quarterHeapKib = Runtime.getRuntime().maxMemory() / 4 / 1024;

        assertThat(Argon2Slots.defaultPermits(HashCost.OWASP))
                .isBetween(1, cores)
                .isLessThanOrEqualTo((int) Math.max(1, quarterHeapKib / HashCost.OWASP.memoryKib()));
        assertThat(Argon2Slots.defaultPermits(new HashCost((int) Math.min(Integer.MAX_VALUE, quarterHeapKib), 1, 1)))
                .isEqualTo(1);
    }
}
