package io.mosaic.crm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.stream.Stream;

/** Lays out a private Mosaic home from the distribution: large read-only folders linked, the rest copied. */
final class Distribution {
    private static final String PLUGIN_WATCHER = "org.apache.felix.fileinstall-plugins";

    private Distribution() {}

    static void prepare(Path dist, Path home, int port, Map<String, String> configs) throws IOException {
        if (!Files.isDirectory(dist.resolve("system")) || !Files.isDirectory(dist.resolve("lib"))) {
            throw new IllegalStateException("no Mosaic distribution at " + dist + ": unpack io.mosaic.crm:mosaic-runtime:zip:dist"
                    + " there (see the archetype's pom.xml) or point -Dmosaic.dist at one");
        }
        try (Stream<Path> top = Files.list(dist)) {
            for (Path source : top.toList()) {
                String name = source.getFileName().toString();
                switch (name) {
                    case "lib", "system" -> Files.createSymbolicLink(home.resolve(name), source);
                    case "data", "config", "plugins" -> { }
                    default -> copyTree(source, home.resolve(name));
                }
            }
        }
        Files.createDirectories(home.resolve("plugins"));
        Path config = Files.createDirectories(home.resolve("config"));
        Path httpDefaults = home.resolve("defaults/config/io.mosaic.crm.http.cfg");
        String http = Files.readString(httpDefaults);
        if (!http.contains("port = 8080")) {
            throw new IllegalStateException(httpDefaults + " does not contain 'port = 8080'");
        }
        Files.writeString(config.resolve("io.mosaic.crm.http.cfg"), http.replace("port = 8080", "port = " + port));
        // tests drop and delete jars in plugins/ and wait for the outcome: look every 100 ms, not 500
        Path watcher = home.resolve("defaults/config/" + PLUGIN_WATCHER + ".cfg");
        if (Files.isRegularFile(watcher)) {
            Files.writeString(config.resolve(PLUGIN_WATCHER + ".cfg"),
                    Files.readString(watcher).replaceAll("(?m)^felix\\.fileinstall\\.poll = \\d+$", "felix.fileinstall.poll = 100"));
        }
        for (Map.Entry<String, String> cfg : configs.entrySet()) {
            Files.writeString(config.resolve(cfg.getKey() + ".cfg"), cfg.getValue());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
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
}
