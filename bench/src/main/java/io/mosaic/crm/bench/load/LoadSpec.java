package io.mosaic.crm.bench.load;

import java.nio.file.Path;
import java.time.Duration;

/**
 * One bounded load run against 127.0.0.1.
 *
 * @param port          the server's port on 127.0.0.1
 * @param kind          what each request is
 * @param dataFile      for {@link Kind#PATHS}: request paths, one per line; for {@link Kind#CREATE_CONTACT}: account ids
 * @param label         makes generated values (e-mails) unique per run
 * @param connections   keep-alive connections held open
 * @param duration      how long to send requests
 * @param authorization an {@code Authorization} header value, or null
 */
public record LoadSpec(int port, Kind kind, Path dataFile, String label, int connections, Duration duration,
                       String authorization) {

    public enum Kind { PATHS, CREATE_CONTACT }

    public LoadSpec {
        if (duration.toSeconds() < 1 || duration.toMinutes() > 10) {
            throw new IllegalArgumentException("a load run lasts 1 s to 10 min, not " + duration);
        }
        if (connections < 1 || connections > 256) {
            throw new IllegalArgumentException("1 to 256 connections, not " + connections);
        }
    }

    public LoadSpec withDuration(Duration d, String newLabel) {
        return new LoadSpec(port, kind, dataFile, newLabel, connections, d, authorization);
    }
}
