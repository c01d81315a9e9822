package io.mosaic.crm.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MariaDB server left running on our data directory by a Mosaic that was killed (SIGKILL gives
 * no chance to stop it). It holds the data files' locks, so a new server could not start: stop it.
 */
final class OrphanDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(OrphanDatabase.class);
    private final Path dbDir;

    OrphanDatabase(Path dbDir) {
        this.dbDir = dbDir;
    }

    void stopIfRunning() throws IOException, InterruptedException {
        Optional<ProcessHandle> orphan = find();
        if (orphan.isEmpty()) {
            return;
        }
        ProcessHandle process = orphan.get();
        LOG.warn("stopping MariaDB (pid {}) left running on {} by an earlier Mosaic", process.pid(), dbDir);
        process.destroy();
        try {
            process.onExit().get(Duration.ofSeconds(30).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            process.destroyForcibly();
        }
    }

    private Optional<ProcessHandle> find() throws IOException {
        if (!Files.isDirectory(dbDir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dbDir)) {
            for (Path pidFile : files.filter(p -> p.toString().endsWith(".pid")).toList()) {
                long pid;
                try {
                    pid = Long.parseLong(Files.readString(pidFile).trim());
                } catch (NumberFormatException e) {
                    continue;
                }
                Optional<ProcessHandle> handle = ProcessHandle.of(pid).filter(this::isOurServer);
                if (handle.isPresent()) {
                    return handle;
                }
            }
        }
        return Optional.empty();
    }

    private boolean isOurServer(ProcessHandle process) {
        String cmd = process.info().commandLine().orElse("");
        return (cmd.contains("mariadbd") || cmd.contains("mysqld")) && cmd.contains(dbDir.toString());
    }
}
