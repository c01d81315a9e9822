package io.mosaic.crm.bench.scenario;

import io.mosaic.crm.bench.load.Measurement;
import java.time.Duration;

/** Something that can be measured for a bounded time: HTTP load on a server, or raw JDBC work. */
@FunctionalInterface
public interface Workload {

    /** @param label unique per call, for values that must not repeat (e-mails) */
    Measurement measure(Duration duration, String label) throws Exception;
}
