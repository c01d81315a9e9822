package io.mosaic.crm.platform.records.internal;

import com.codahale.metrics.LockFreeExponentiallyDecayingReservoir;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.mosaic.crm.platform.records.internal.store.StoreContext;
import io.mosaic.crm.sdk.record.RecordType;
import java.util.concurrent.TimeUnit;

/**
 * Times record writes while a metric registry is bound: {@code records.write;type=<resource>;op=<op>}
 * (a timer) and {@code records.write.failures;type=<resource>;op=<op>} (a meter of refused or failed writes).
 */
final class WriteMetrics implements StoreContext.WriteTimer {
    private volatile MetricRegistry registry;

    void use(MetricRegistry next) {
        registry = next;
    }

    @Override
    public void record(RecordType type, String operation, long nanos, boolean failed) {
        MetricRegistry current = registry;
        if (current == null) {
            return;
        }
        String tags = ";type=" + type.resource() + ";op=" + operation;
        current.timer("records.write" + tags, WriteMetrics::lockFreeTimer).update(nanos, TimeUnit.NANOSECONDS);
        if (failed) {
            current.meter("records.write.failures" + tags).mark();
        }
    }

    private static Timer lockFreeTimer() {
        return new Timer(LockFreeExponentiallyDecayingReservoir.builder().build());
    }
}
