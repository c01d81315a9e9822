package io.mosaic.crm.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Mosaic for one test class: a private copy of the assembled distribution
 * ({@code runtime/target/mosaic}), started with {@code bin/mosaic} as its own process, on free ports,
 * with its own embedded MariaDB. Stopped with SIGTERM afterwards; asserts that no process survives.
 */
public final class MosaicServer implements BeforeAllCallback, AfterAllCallback {
    private Path home;
    private Process process;
    private int port;
    private String adminPassword;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
    }

    public void start() throws Exception {
        Path dist = Path.of(System.getProperty("mosaic.dist", "../runtime/target/mosaic")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dist.resolve("system"))) {
            throw new IllegalStateException("no distribution at " + dist + "; build runtime first");
        }
        if (home == null) {
            home = Files.createTempDirectory("mosaic-it");
            // each home holds ~500 MB (MariaDB binaries and data): gone when the test JVM ends, whoever forgets deleteFiles
            Runtime.getRuntime().addShutdownHook(new Thread(this::deleteQuietly, "delete " + home));
            copy(dist, home);
            port = freePort();
            Files.createDirectories(home.resolve("config"));
            Files.copy(home.resolve("defaults/config/io.mosaic.crm.http.cfg"), home.resolve("config/io.mosaic.crm.http.cfg"));
            Api.replaceInFile(home.resolve("config/io.mosaic.crm.http.cfg"), "port = 8080", "port = " + port);
        }
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/mosaic").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.log").toFile()));
        pb.environment().remove("MOSAIC_DB_URL");
        pb.environment().put("JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1");
        process = pb.start();
        awaitServing();
        adminPassword = Files.readString(home.resolve("data/initial-admin-password")).trim();
    }

    private void awaitServing() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Mosaic exited with " + process.exitValue() + "; log:\n" + log());
            }
            try {
                var response = client.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/customers/accounts")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 401 && Files.exists(home.resolve("data/initial-admin-password"))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Mosaic did not serve within 90 s; log:\n" + log());
    }

    /** Stops with SIGTERM, as Ctrl-C would, and checks that the embedded MariaDB went with it. */
    public void stop() throws Exception {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("Mosaic did not stop within 60 s");
        }
        for (ProcessHandle child : children) {
            child.onExit().get(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    public boolean leftNoProcess(List<ProcessHandle> handles) {
        return handles.stream().noneMatch(ProcessHandle::isAlive);
    }

    public List<ProcessHandle> processes() {
        return Stream.concat(Stream.of(process.toHandle()), process.descendants()).toList();
    }

    public void deleteFiles() throws IOException {
        if (home != null && Files.exists(home)) {
            try (Stream<Path> paths = Files.walk(home)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void deleteQuietly() {
        try {
            deleteFiles();
        } catch (IOException | RuntimeException e) {
            System.err.println("could not delete " + home + ": " + e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path home() {
        return home;
    }

    public String adminPassword() {
        return adminPassword;
    }

    public Api admin() {
        return new Api(baseUrl(), "admin", adminPassword);
    }

    public Api as(String user, String password) {
        return new Api(baseUrl(), user, password);
    }

    public Api anonymous() {
        return new Api(baseUrl(), null, null);
    }

    public String log() {
        try {
            return Files.readString(home.resolve("console.log"));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path rel = from.relativize(source);
                if (rel.startsWith("data") || rel.startsWith("config")) {
                    continue;
                }
                if (rel.toString().equals("lib") || rel.toString().equals("system")) {
                    Files.createSymbolicLink(to.resolve(rel.toString()), source);   // read-only, large
                    continue;
                }
                if (rel.startsWith("lib") || rel.startsWith("system")) {
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
}
