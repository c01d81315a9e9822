package io.mosaic.crm.platform.jobs.internal;

import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.sdk.bulk.BulkRecords;
import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.record.RecordType;
import io.mosaic.crm.sdk.record.Records;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The import engine: runs queued jobs on a pool of {@code concurrentJobs} threads, keeps the live
 * figures of running ones (rows per second, ETA), and on start resumes the jobs a crash or a stop
 * interrupted — after their last committed batch. A job whose entity is gone or whose file is
 * unreadable fails with the reason.
 */
@Designate(ocd = JobSettings.class)
@Component(service = ImportJobs.class, configurationPid = "io.mosaic.crm.jobs")
public final class ImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(ImportJobs.class);

    /** Live figures of a running job. */
    record Live(long startedNanos, long rowsAtStart, long bytesRead, long rowsRead) {}

    private final JobStore store;
    private final Records records;
    private final BulkRecords bulk;
    private final Path directory;
    private final ThreadPoolExecutor pool;
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final Set<Long> submitted = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mosaic-import-sweep");
        thread.setDaemon(true);
        return thread;
    });
    private final JobMetrics metrics = new JobMetrics();
    private volatile JobSettings settings;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EventAdmin events;

    @Activate
    public ImportJobs(@Reference Database database, @Reference JobsSchema schema, @Reference Records records,
            @Reference BulkRecords bulk, BundleContext context, JobSettings settings) throws IOException {
        this.store = new JobStore(database.jdbi());
        this.records = records;
        this.bulk = bulk;
        this.settings = settings;
        String data = context.getProperty("mosaic.data");
        this.directory = (data == null ? Path.of(System.getProperty("java.io.tmpdir"), "mosaic") : Path.of(data)).resolve("jobs");
        Files.createDirectories(directory);
        this.pool = new ThreadPoolExecutor(settings.concurrentJobs(), settings.concurrentJobs(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread thread = new Thread(r, "mosaic-import");
                    thread.setDaemon(true);
                    return thread;
                });
        for (long id : store.inState("running")) {       // interrupted by a crash or a stop: resume
            store.move(id, List.of("running"), "queued", null);
        }
        // queued jobs run when their record type is there: modules may start after this bundle
        sweeper.scheduleWithFixedDelay(this::sweep, 0, 2, TimeUnit.SECONDS);
    }

    /** Submits the queued jobs that no thread has taken yet. */
    private void sweep() {
        try {
            store.inState("queued").forEach(this::submit);
        } catch (RuntimeException e) {
            LOG.warn("cannot look for queued import jobs: {}", e.toString());
        }
    }

    @Modified
    void apply(JobSettings next) {
        settings = next;
        int threads = next.concurrentJobs();
        if (threads > pool.getMaximumPoolSize()) {
            pool.setMaximumPoolSize(threads);
            pool.setCorePoolSize(threads);
        } else {
            pool.setCorePoolSize(threads);
            pool.setMaximumPoolSize(threads);
        }
    }

    @Deactivate
    void stop() throws InterruptedException {
        sweeper.shutdownNow();
        pool.shutdownNow();   // a running batch rolls back or commits; the job stays running and resumes next start
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindMetrics(MetricRegistry registry) {
        metrics.use(registry);
    }

    void unbindMetrics(MetricRegistry registry) {
        metrics.use(null);
    }

    JobStore store() {
        return store;
    }

    JobSettings settings() {
        return settings;
    }

    Path file(String name) {
        return directory.resolve(name);
    }

    Path directory() {
        return directory;
    }

    Optional<Live> live(long id) {
        return Optional.ofNullable(live.get(id));
    }

    /** Queues a pending job. */
    boolean start(long id) {
        if (!store.move(id, List.of("pending"), "queued", null)) {
            return false;
        }
        submit(id);
        return true;
    }

    private void submit(long id) {
        if (submitted.add(id)) {
            pool.execute(() -> {
                try {
                    run(id);
                } finally {
                    submitted.remove(id);
                }
            });
        }
    }

    private void run(long id) {
        Job queued = store.get(id).orElse(null);
        if (queued == null || records.type(queued.entity()).isEmpty()) {
            return; // its module is not running (yet): the sweep tries again
        }
        if (!store.move(id, List.of("queued"), "running", null)) {
            return; // canceled while queued
        }
        Job job = store.get(id).orElseThrow();
        long started = System.nanoTime();
        live.put(id, new Live(started, job.rowsRead(), 0, job.rowsRead()));
        try {
            RecordType type = records.type(job.entity()).orElseThrow(() -> new IllegalStateException(
                    "the record type " + job.entity() + " is not running"));
            try (InputStream in = Files.newInputStream(file(job.fileName()));
                    CountingInput counted = new CountingInput(new BufferedInputStream(in, 1 << 16))) {
                new ImportRun(job, type, records, bulk, () -> settings.batchSize(), this::committed).run(counted, counted);
            }
            store.move(id, List.of("running"), "succeeded", null);
            metrics.finished(job, System.nanoTime() - started, false);
        } catch (ImportRun.Canceled canceled) {
            LOG.info("import job {} was canceled", id);
        } catch (Exception | LinkageError e) {
            if (pool.isShutdown()) {
                LOG.info("import job {} stopped with the platform; it resumes on the next start", id);
                return;
            }
            LOG.warn("import job {} failed", id, e);
            store.move(id, List.of("running"), "failed", JobStore.truncate(String.valueOf(e.getMessage()), 1000));
            metrics.finished(job, System.nanoTime() - started, true);
        } finally {
            live.remove(id);
            removeFileIfFinished(id);
        }
    }

    /** A finished job's file is not needed any more (revert works from what the job stored). */
    void removeFileIfFinished(long id) {
        store.get(id).filter(Job::finished).ifPresent(job -> {
            try {
                Files.deleteIfExists(file(job.fileName()));
            } catch (IOException e) {
                LOG.warn("cannot remove {}: {}", job.fileName(), e.toString());
            }
        });
    }

    private void committed(Job job, ImportRun.Outcome outcome, long bytesRead) {
        live.computeIfPresent(job.id(), (id, now) -> new Live(now.startedNanos(), now.rowsAtStart(), bytesRead,
                now.rowsRead() + outcome.progress().read()));
        metrics.batch(outcome.progress());
        EventAdmin admin = events;
        if (admin != null && !outcome.created().isEmpty()) {
            admin.postEvent(JobEvents.imported(job, records.type(job.entity()).orElse(null), outcome.created()));
        }
    }
}
