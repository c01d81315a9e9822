package io.mosaic.crm.runtime;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.util.Properties;
import org.slf4j.Logger;
import sun.misc.Signal;
import org.slf4j.LoggerFactory;

/**
 * Starts Mosaic: the database (embedded MariaDB unless an external one is configured), then the
 * OSGi kernel; stops them in reverse order on SIGTERM or Ctrl-C.
 *
 * <p>External database: set {@code MOSAIC_DB_URL} (and {@code MOSAIC_DB_USER},
 * {@code MOSAIC_DB_PASSWORD}), or {@code url}/{@code user}/{@code password} in
 * {@code config/io.mosaic.crm.db.cfg}.
 */
public final class Launcher {
    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    private static final String DB_PID = "io.mosaic.crm.db";
    private static final String HTTP_PID = "io.mosaic.crm.http";

    private final Distribution dist;
    private EmbeddedMariaDb embeddedDb;
    private DatabaseSupervisor supervisor;
    private Kernel kernel;

    private Launcher(Distribution dist) {
        this.dist = dist;
    }

    public static void main(String[] args) throws Exception {
        Launcher launcher = new Launcher(Distribution.fromSystemProperty());
        Runtime.getRuntime().addShutdownHook(new Thread(launcher::stop, "mosaic-shutdown"));
        // SIGTERM and Ctrl-C are an orderly stop, not a failure: exit 0 once everything stopped in order
        // (the JVM's own handling would run the same shutdown hook but exit with 143 or 130)
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> {
                launcher.stop();
                System.exit(0);
            });
        }
        try {
            launcher.start();
        } catch (Exception e) {
            LOG.error("Mosaic failed to start", e);
            launcher.stop();
            System.exit(1);
        }
        launcher.kernel.awaitStop();
    }

    private void start() throws Exception {
        long begin = System.nanoTime();
        dist.prepare();
        Files.writeString(dist.pidFile(), Long.toString(ProcessHandle.current().pid()));
        DatabaseCoordinates db = externalDatabase();
        if (db == null) {
            embeddedDb = new EmbeddedMariaDb(dist.data());
            db = embeddedDb.start();
            LOG.info("embedded MariaDB serving {}", db.displayUrl());
            supervisor = new DatabaseSupervisor(embeddedDb);
            supervisor.start();
        } else {
            LOG.info("using external MariaDB {}", db.displayUrl());
        }
        long dbReady = System.nanoTime();
        kernel = new Kernel(dist, db, supervisor);
        kernel.start();
        Properties http = dist.configFile(HTTP_PID);
        String host = http.getProperty("host", "127.0.0.1").trim();
        int port = Integer.parseInt(http.getProperty("port", "8080").trim());
        String shownHost = host.equals("0.0.0.0") || host.equals("127.0.0.1") ? "localhost" : host;
        if (listening(host, port)) {
            LOG.info("Mosaic is serving on http://{}:{}/ (boot {} ms after the database was up, {} ms in all)",
                    shownHost, port, (System.nanoTime() - dbReady) / 1_000_000, (System.nanoTime() - begin) / 1_000_000);
        } else {
            LOG.error("Mosaic started but nothing listens on {}:{}; see data/logs/mosaic.log", host, port);
        }
    }

    private DatabaseCoordinates externalDatabase() {
        String url = System.getenv("MOSAIC_DB_URL");
        if (url != null && !url.isBlank()) {
            return new DatabaseCoordinates(url, env("MOSAIC_DB_USER"), env("MOSAIC_DB_PASSWORD"));
        }
        Properties cfg = dist.configFile(DB_PID);
        url = cfg.getProperty("url", "").trim();
        if (!url.isEmpty()) {
            return new DatabaseCoordinates(url, cfg.getProperty("user", "").trim(), cfg.getProperty("password", "").trim());
        }
        return null;
    }

    private static String env(String name) {
        String v = System.getenv(name);
        return v == null ? "" : v;
    }

    private static boolean listening(String host, int port) {
        String target = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(target, port), 200);
                return true;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return false;
    }

    private synchronized void stop() {
        if (supervisor != null) {
            supervisor.stop(); // from now on an ending MariaDB is not started again
        }
        if (kernel != null) {
            LOG.info("stopping Mosaic");
            kernel.stop();
            kernel = null;
        }
        if (embeddedDb != null) {
            embeddedDb.stop();
            embeddedDb = null;
            LOG.info("embedded MariaDB stopped");
        }
        try {
            Files.deleteIfExists(dist.pidFile());
        } catch (IOException ignored) {
            // nothing more to do on the way out
        }
    }
}
