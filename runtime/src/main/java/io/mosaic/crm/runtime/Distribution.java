package io.mosaic.crm.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The directories of an installed Mosaic: {@code bin/ lib/ system/ config/ plugins/ data/ etc/}.
 * {@code config/} is seeded from {@code defaults/config/}: a default file is copied only when the
 * operator's copy is missing, so edits made by hand or through the console are never overwritten.
 */
record Distribution(Path home) {

    static Distribution fromSystemProperty() {
        String home = System.getProperty("mosaic.home");
        if (home == null || home.isBlank()) {
            throw new IllegalStateException("system property mosaic.home is not set; start Mosaic with bin/mosaic");
        }
        return new Distribution(Path.of(home).toAbsolutePath().normalize());
    }

    Path data() {
        return home.resolve("data");
    }

    Path config() {
        return home.resolve("config");
    }

    Path plugins() {
        return home.resolve("plugins");
    }

    Path system() {
        return home.resolve("system");
    }

    Path pidFile() {
        return data().resolve("mosaic.pid");
    }

    /** Creates the writable directories and copies missing default configuration files. */
    void prepare() {
        try {
            Files.createDirectories(data());
            Files.createDirectories(config());
            Files.createDirectories(plugins());
            Path defaults = home.resolve("defaults/config");
            if (Files.isDirectory(defaults)) {
                try (Stream<Path> files = Files.list(defaults)) {
                    for (Path file : files.toList()) {
                        Path target = config().resolve(file.getFileName());
                        if (!Files.exists(target)) {
                            Files.copy(file, target);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + home, e);
        }
    }

    /** Reads a {@code config/<pid>.cfg} file as properties; empty if it does not exist. */
    Properties configFile(String pid) {
        Properties props = new Properties();
        Path file = config().resolve(pid + ".cfg");
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return props;
    }

    /** Number of configuration files FileInstall will turn into configurations. */
    long configFileCount() {
        try (Stream<Path> files = Files.list(config())) {
            return files.filter(p -> p.toString().endsWith(".cfg") || p.toString().endsWith(".config")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
