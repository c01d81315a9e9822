package io.mosaic.crm.platform.tuning.internal.advice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the sampled pool figures and, when platform-monitoring runs, its metrics into
 * recommendations. Remembers the last advice given, so that {@code POST .../apply {"adviceId"}}
 * applies exactly what the operator saw.
 */
public final class Advisor implements AutoCloseable {
    private final Sampler sampler;
    private final Supplier<Optional<MetricsReader>> metrics;
    private final BiFunction<String, String, Optional<Advice.Target>> cacheParameter;
    private final Supplier<SlowQueries.Report> slowQueries;
    private final Map<String, Advice> lastGiven = new ConcurrentHashMap<>();
    private volatile double headroom = 1.25;
    private volatile long windowSeconds = 60;

    public Advisor(Function<String, Map<String, Object>> facts, Supplier<Optional<MetricsReader>> metrics,
            BiFunction<String, String, Optional<Advice.Target>> cacheParameter, Supplier<SlowQueries.Report> slowQueries) {
        this.sampler = new Sampler(facts);
        this.metrics = metrics;
        this.cacheParameter = cacheParameter;
        this.slowQueries = slowQueries;
    }

    /** (Re)starts sampling; applies live. */
    public void configure(long sampleIntervalMillis, int windowSeconds, int headroomPercent) {
        this.headroom = 1 + headroomPercent / 100.0;
        this.windowSeconds = windowSeconds;
        sampler.schedule(sampleIntervalMillis, windowSeconds * 1000L);
    }

    public Map<String, Object> advise() {
        sampler.sampleNow();
        List<Sample> window = sampler.window();
        Optional<MetricsReader> reader = metrics.get();
        List<Advice> items = new ArrayList<>();
        PoolSizing.advise(window, reader, headroom).ifPresent(items::add);
        ThreadSizing.advise(window, reader, headroom).ifPresent(items::add);
        items.addAll(CacheSizing.advise(reader, cacheParameter));
        List<String> notes = new ArrayList<>();
        if (reader.isEmpty()) {
            notes.add("platform-monitoring's metric registry is not available: pool and thread advice come from "
                    + "sampled runtime facts only; cache advice needs the registry.");
        }
        SlowQueries.Report slow = slowQueries.get();
        items.addAll(slow.advice());
        notes.addAll(slow.notes());
        lastGiven.clear();
        items.forEach(a -> lastGiven.put(a.id(), a));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("generatedAt", Instant.now().toString());
        report.put("windowSeconds", windowSeconds);
        report.put("samples", window.size());
        report.put("metrics", reader.isPresent() ? "registry" : "runtime-facts");
        report.put("items", items);
        report.put("notes", notes);
        return report;
    }

    /** The advice item with this id from the last {@link #advise()}, if it recommended a parameter change. */
    public Optional<Advice> lastGiven(String id) {
        return Optional.ofNullable(lastGiven.get(id));
    }

    @Override
    public void close() {
        sampler.close();
    }
}
