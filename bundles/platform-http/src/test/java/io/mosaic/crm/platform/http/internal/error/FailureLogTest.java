package io.mosaic.crm.platform.http.internal.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailureLogTest {
    private final AtomicLong nanos = new AtomicLong(1);
    private final FailureLog log = new FailureLog(LoggerFactory.getLogger(FailureLogTest.class), 60_000, nanos::get);

    @Test
    void writes_one_stack_trace_per_distinct_failure_per_minute_and_counts_the_rest() {
        for (int i = 0; i < 100; i++) {
            log.warn("GET /api/x", new SQLTransientConnectionException("mosaic-db-" + i + " - request timed out after 3000ms"));
        }
        log.error("GET /api/x", new IllegalStateException("another failure"));

        assertThat(log.logged()).isEqualTo(2);
        assertThat(log.suppressed()).isEqualTo(99);

        nanos.addAndGet(61_000_000_000L);
        log.warn("GET /api/x", new SQLTransientConnectionException("mosaic-db-7 - request timed out after 3000ms"));
        assertThat(log.logged()).isEqualTo(3);
    }
}
