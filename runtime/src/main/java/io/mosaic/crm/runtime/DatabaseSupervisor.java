package io.mosaic.crm.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded MariaDB running: when its process ends without being asked to (a crash, an
 * out-of-memory kill, {@code kill -9}), it is started again on the same port and data, so the
 * platform's JDBC URL stays valid and the connection pool reconnects by itself. Attempts back off
 * from {@link #FIRST_DELAY_MILLIS} doubling to {@link #MAX_DELAY_MILLIS} and go on for as long as
 * Mosaic runs; after {@link #FAILED_AFTER} attempts in a row fail, the state is {@code failed}
 * (liveness then fails, so an outer supervisor can restart the node).
 *
 * <p>Its state is what bundles see of it: as a {@link Supplier} of an immutable
 * {@code Map<String, Object>} registered by the launcher in the framework's service registry with
 * the property {@code mosaic.service=database.supervisor} (JDK types only, so no bundle needs a
 * class of the launcher). Keys: {@code state} ({@code up}, {@code restarting}, {@code failed},
 * {@code stopped}), {@code pid}, {@code port}, {@code restarts} (successful), {@code restartFailures},
 * {@code exits} (unexpected), {@code lastExitAt}, {@code lastRestartAt} (ISO instants or absent),
 * {@code since} (when the state was entered).
 */
final class DatabaseSupervisor implements Supplier<Map<String, Object>> {
    static final String SERVICE_PROPERTY = "mosaic.service";
    static final String SERVICE_NAME = "database.supervisor";
    static final long FIRST_DELAY_MILLIS = 100;
    static final long MAX_DELAY_MILLIS = 30_000;
    static final int FAILED_AFTER = 10;
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSupervisor.class);

    /** What is supervised: started again on demand, and the process it runs now. */
    interface Server {
        void restart() throws Exception;

        Optional<ProcessHandle> process();

        int port();
    }

    private final Server server;
    private final long firstDelayMillis;
    private final long maxDelayMillis;
    private final AtomicLong restarts = new AtomicLong();
    private final AtomicLong restartFailures = new AtomicLong();
    private final AtomicLong exits = new AtomicLong();
    private final Thread thread;
    private volatile String state = "up";
    private volatile Instant since = Instant.now();
    private volatile Instant lastExitAt;
    private volatile Instant lastRestartAt;
    private volatile ProcessHandle process;
    private volatile boolean stopping;

    DatabaseSupervisor(Server server) {
        this(server, FIRST_DELAY_MILLIS, MAX_DELAY_MILLIS);
    }

    /** With other back-off bounds (tests). */
    DatabaseSupervisor(Server server, long firstDelayMillis, long maxDelayMillis) {
        this.server = server;
        this.firstDelayMillis = firstDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.thread = new Thread(this::supervise, "mosaic-db-supervisor");
        thread.setDaemon(true);
    }

    void start() {
        process = server.process().orElse(null);
        if (process == null) {
            LOG.warn("cannot find the embedded MariaDB's process; it is not supervised");
            return;
        }
        thread.start();
    }

    private void supervise() {
        while (!stopping) {
            ProcessHandle watched = process;
            CompletableFuture<ProcessHandle> exit = watched.onExit();
            try {
                exit.get();
            } catch (InterruptedException e) {
                return; // stopping
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.warn("cannot wait for the embedded MariaDB (pid {}); it is not supervised", watched.pid(), e);
                return;
            }
            if (stopping) {
                return;
            }
            exits.incrementAndGet();
            lastExitAt = Instant.now();
            enter("restarting");
            LOG.error("the embedded MariaDB (pid {}) ended unexpectedly; starting it again on port {}",
                    watched.pid(), server.port());
            if (!restartWithBackOff()) {
                return;
            }
        }
    }

    /** @return false if stopping interrupted it */
    private boolean restartWithBackOff() {
        long delay = firstDelayMillis;
        for (int attempt = 1; !stopping; attempt++) {
            try {
                TimeUnit.MILLISECONDS.sleep(delay);
            } catch (InterruptedException e) {
                return false;
            }
            synchronized (this) {
                if (stopping) {
                    return false;
                }
                try {
                    server.restart();
                    Optional<ProcessHandle> next = server.process();
                    if (next.isEmpty()) {
                        throw new IllegalStateException("MariaDB started, but its process cannot be found");
                    }
                    process = next.get();
                    restarts.incrementAndGet();
                    lastRestartAt = Instant.now();
                    enter("up");
                    LOG.warn("the embedded MariaDB is up again (pid {}, attempt {}, restarts so far {})",
                            process.pid(), attempt, restarts.get());
                    return true;
                } catch (Exception e) {
                    restartFailures.incrementAndGet();
                    if (attempt >= FAILED_AFTER && !state.equals("failed")) {
                        enter("failed");
                    }
                    long next = Math.min(maxDelayMillis, delay * 2);
                    // one stack trace for the first failure, a line for the next ones
                    if (attempt == 1) {
                        LOG.error("starting the embedded MariaDB failed (attempt 1); trying again in {} ms", next, e);
                    } else {
                        LOG.error("starting the embedded MariaDB failed (attempt {}); trying again in {} ms: {}",
                                attempt, next, e.toString());
                    }
                    delay = next;
                }
            }
        }
        return false;
    }

    private void enter(String next) {
        state = next;
        since = Instant.now();
    }

    /** Ends supervision before the server is stopped on purpose; waits for a start in progress. */
    void stop() {
        stopping = true;
        thread.interrupt();
        synchronized (this) {
            enter("stopped");
        }
    }

    @Override
    public Map<String, Object> get() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("state", state);
        ProcessHandle current = process;
        if (current != null) {
            facts.put("pid", current.pid());
        }
        facts.put("port", server.port());
        facts.put("restarts", restarts.get());
        facts.put("restartFailures", restartFailures.get());
        facts.put("exits", exits.get());
        if (lastExitAt != null) {
            facts.put("lastExitAt", lastExitAt.toString());
        }
        if (lastRestartAt != null) {
            facts.put("lastRestartAt", lastRestartAt.toString());
        }
        facts.put("since", since.toString());
        return Map.copyOf(facts);
    }
}
