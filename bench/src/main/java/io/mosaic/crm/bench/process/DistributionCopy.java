package io.mosaic.crm.bench.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Copies a distribution without its {@code data/} and {@code config/}. {@code lib/} (150 MB, mostly MariaDB) is
 * linked, not copied; {@code system/} is copied because the launcher lists it without following links.
 */
public final class DistributionCopy {
    private DistributionCopy() {
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path rel = from.relativize(source);
                String first = rel.getNameCount() == 0 ? "" : rel.getName(0).toString();
                if (first.equals("data") || first.equals("config")) {
                    continue;
                }
                if (rel.getNameCount() == 1 && first.equals("lib")) {
                    Files.createSymbolicLink(to.resolve(first), source);
                    continue;
                }
                if (first.equals("lib")) {
                    continue;
                }
                Path target = to.resolve(rel.toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deletes a directory tree without following symbolic links. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
