package io.mosaic.crm.platform.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.cache.CacheSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readers load through the cache while a writer changes the "database" and invalidates after each change. */
class StaleReadTest {
    private final Shelves shelves = new Shelves();
    private final LiveCache<Long, Long> cache = new LiveCache<>(CacheSpec.of("versions", Long.class, Long.class),
            new Owner(1, "test"), new Sizing(100, Duration.ZERO), shelves);

    @AfterEach
    void close() {
        shelves.close();
    }

    @Test
    void after_an_invalidation_returns_no_reader_sees_an_older_version() throws Exception {
        AtomicLong database = new AtomicLong(1);
        AtomicLong committed = new AtomicLong(1);     // the newest version whose invalidation has returned
        AtomicBoolean running = new AtomicBoolean(true);
        ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            Thread reader = new Thread(() -> {
                while (running.get()) {
                    long floor = committed.get();
                    long seen = cache.get(7L, key -> {
                        long value = database.get();
                        Thread.yield();                // widen the window between reading the row and storing it
                        return value;
                    });
                    if (seen < floor) {
                        stale.add("saw " + seen + " after " + floor + " was committed");
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (long version = 2; version <= 3000; version++) {
            database.set(version);                     // commit
            cache.invalidate(7L);                      // after commit, before answering
            committed.set(version);                    // answered
        }
        running.set(false);
        for (Thread reader : readers) {
            reader.join();
        }
        assertThat(stale).isEmpty();
        assertThat(cache.get(7L, key -> database.get())).isEqualTo(3000L);
    }
}
