package io.mosaic.crm.itests;

import io.mosaic.crm.testkit.MosaicClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Clients that call a module's routes in a loop while it is swapped, checking every answer: status
 * 200, and a version between the oldest one still allowed when the request was sent and the
 * newest one installed. Anything else (404, 5xx, a connection error, a stale version) is a failure.
 */
final class VersionedLoad implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong ok = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();
    private final Set<String> versions = ConcurrentHashMap.newKeySet();
    private final List<Thread> threads = new ArrayList<>();
    private volatile int oldestAllowed;
    private volatile int newestInstalled;

    /**
     * @param clients one API client per thread; thread i calls {@code paths.get(i % paths.size())};
     *     a version is compared by its last number, e.g. 3 for "1.0.3"
     * @param serving the version serving now
     */
    VersionedLoad(Supplier<MosaicClient> clients, List<String> paths, int count, int serving, long maxRequests) {
        this.oldestAllowed = serving;
        this.newestInstalled = serving;
        for (int i = 0; i < count; i++) {
            MosaicClient api = clients.get();
            String path = paths.get(i % paths.size());
            Thread t = new Thread(() -> {
                while (running.get() && ok.get() + failed() < maxRequests) {
                    int floor = oldestAllowed;
                    try {
                        var r = api.get(path);
                        if (r.status() != 200) {
                            fail(r.status() + " " + r.body());
                            continue;
                        }
                        String version = r.json().path("version").asText();
                        int micro = Integer.parseInt(version.substring(version.lastIndexOf('.') + 1));
                        if (micro < floor || micro > newestInstalled) {
                            fail("version " + version + " outside " + floor + ".." + newestInstalled);
                        } else {
                            versions.add(version);
                            ok.incrementAndGet();
                        }
                    } catch (RuntimeException e) {
                        fail(String.valueOf(e.getCause() == null ? e : e.getCause()));
                    }
                }
            }, "swap-client-" + i);
            t.start();
            threads.add(t);
        }
    }

    private void fail(String what) {
        failures.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    /** A new version is being installed: answers may come from it from now on. */
    void installing(int micro) {
        newestInstalled = micro;
    }

    /** The new version serves: requests sent from now on must not reach an older one. */
    void serving(int micro) {
        oldestAllowed = micro;
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

    Set<String> versions() {
        return versions;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(30_000);
        }
    }
}
