package io.mosaic.crm.itests;

import io.mosaic.crm.testkit.MosaicClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that call one path in a loop until stopped (bounded: at most {@code maxRequests} in all),
 * counting every response that is not the expected status, and every connection error.
 */
final class LoadLoop implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong ok = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    LoadLoop(MosaicClient api, String path, int expectedStatus, int clients, long maxRequests) {
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(() -> {
                while (running.get() && ok.get() + failed() < maxRequests) {
                    try {
                        var r = api.get(path);
                        if (r.status() == expectedStatus) {
                            ok.incrementAndGet();
                        } else {
                            failures.computeIfAbsent(r.status() + " " + r.body(), k -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        failures.computeIfAbsent(String.valueOf(e.getCause()), k -> new AtomicLong()).incrementAndGet();
                    }
                }
            }, "load-" + i);
            t.start();
            threads.add(t);
        }
    }

    long succeeded() {
        return ok.get();
    }

    long failed() {
        return failures.values().stream().mapToLong(AtomicLong::get).sum();
    }

    Map<String, AtomicLong> failures() {
        return failures;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}
