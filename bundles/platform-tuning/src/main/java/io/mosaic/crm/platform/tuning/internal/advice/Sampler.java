package io.mosaic.crm.platform.tuning.internal.advice;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the runtime facts {@code db} and {@code http} at a fixed interval and keeps the readings of
 * the last window. Averages over these readings are the L of Little's law (connections or threads
 * in use plus waiting), measured directly, with or without platform-monitoring.
 */
final class Sampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Sampler.class);

    private final Function<String, Map<String, Object>> facts;
    private final Deque<Sample> samples = new ArrayDeque<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "mosaic-tuning-sampler");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> task;
    private volatile long windowMillis;

    Sampler(Function<String, Map<String, Object>> facts) {
        this.facts = facts;
    }

    synchronized void schedule(long intervalMillis, long windowMillis) {
        this.windowMillis = windowMillis;
        if (task != null) {
            task.cancel(false);
        }
        task = timer.scheduleAtFixedRate(this::sampleQuietly, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    /** The readings of the window, oldest first. */
    synchronized List<Sample> window() {
        trim(System.currentTimeMillis());
        return List.copyOf(samples);
    }

    void sampleNow() {
        sampleQuietly();
    }

    private void sampleQuietly() {
        try {
            Sample sample = Sample.of(System.currentTimeMillis(), facts.apply("db"), facts.apply("http"));
            synchronized (this) {
                samples.addLast(sample);
                trim(sample.atMillis());
            }
        } catch (RuntimeException e) {
            LOG.debug("sampling the runtime facts failed: {}", e.toString());
        }
    }

    private void trim(long now) {
        while (!samples.isEmpty() && samples.peekFirst().atMillis() < now - windowMillis) {
            samples.removeFirst();
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
