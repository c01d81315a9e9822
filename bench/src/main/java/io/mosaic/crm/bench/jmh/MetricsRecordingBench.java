package io.mosaic.crm.bench.jmh;

import com.codahale.metrics.ExponentiallyDecayingReservoir;
import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.Timer;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording one request duration into a shared timer from every Jetty thread at once: the lock-free
 * reservoir the platform uses against Dropwizard's default (which takes a lock on every update).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(4)
public class MetricsRecordingBench {
    private final Timer lockFree = new Timer(LockFreeExponentiallyDecayingReservoir.builder().build());
    private final Timer locking = new Timer(new ExponentiallyDecayingReservoir());

    @Benchmark
    public void lock_free_reservoir() {
        lockFree.update(ThreadLocalRandom.current().nextLong(100_000, 5_000_000), TimeUnit.NANOSECONDS);
    }

    @Benchmark
    public void default_locking_reservoir() {
        locking.update(ThreadLocalRandom.current().nextLong(100_000, 5_000_000), TimeUnit.NANOSECONDS);
    }
}
