package io.mosaic.crm.platform.jobs.internal;

import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.jobs.internal.JobStore.Progress;
import java.util.concurrent.TimeUnit;

/**
 * Import metrics in the platform's registry when it runs: {@code jobs.import.rows} (meter of rows
 * read: its rates are rows per second), {@code jobs.import.rows.imported}, {@code .failed},
 * {@code jobs.import.batch} (timer per batch), {@code jobs.import.duration} (timer per finished
 * job) and {@code jobs.import.failures} (jobs that failed).
 */
final class JobMetrics {
    private volatile MetricRegistry registry;

    void use(MetricRegistry next) {
        MetricRegistry previous = registry;
        registry = next;
        if (previous != null && next == null) {
            previous.removeMatching((name, metric) -> name.startsWith("jobs."));
        }
    }

    void batch(Progress progress) {
        MetricRegistry r = registry;
        if (r != null) {
            r.meter("jobs.import.rows").mark(progress.read());
            r.meter("jobs.import.rows.imported").mark(progress.imported());
            r.meter("jobs.import.rows.failed").mark(progress.failed());
            r.timer("jobs.import.batch").update(progress.millis(), TimeUnit.MILLISECONDS);
        }
    }

    void finished(Job job, long nanos, boolean failed) {
        MetricRegistry r = registry;
        if (r != null) {
            r.timer("jobs.import.duration").update(nanos, TimeUnit.NANOSECONDS);
            if (failed) {
                r.meter("jobs.import.failures").mark();
            }
        }
    }
}
