package io.mosaic.crm.bench.baseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The physical baselines, each a bare Jetty 12 core server in its own JVM (started by the harness with the same JVM
 * options as Mosaic), on 127.0.0.1 only:
 * <ul>
 *   <li>{@code json <port> <file>}: every {@code GET .../{id}} answers the bytes of {@code file} (a real account's JSON);</li>
 *   <li>{@code jdbc <port> <url> <user> <passwordFile> <table>}: {@code GET .../{id}} selects the row by primary key
 *       through HikariCP and writes it as JSON.</li>
 * </ul>
 * Prints {@code READY} when listening; stops on SIGTERM.
 */
public final class BaselineServer {
    private BaselineServer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[1]);
        HikariDataSource pool = null;
        Handler handler;
        switch (args[0]) {
            case "json" -> handler = new FixedJsonHandler(Files.readAllBytes(Path.of(args[2])));
            case "jdbc" -> {
                pool = pool(args[2], args[3], Files.readString(Path.of(args[4])).trim());
                handler = new JdbcRowHandler(pool, args[5]);
            }
            default -> throw new IllegalArgumentException("mode json|jdbc, not " + args[0]);
        }
        Server server = serve(handler, port);
        HikariDataSource toClose = pool;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception ignored) {
                // exiting anyway
            }
            if (toClose != null) {
                toClose.close();
            }
        }));
        System.out.println("READY " + args[0] + " " + port);
        System.out.flush();
        server.join();
    }

    /** A started Jetty on 127.0.0.1:{@code port} (0: any free port) with Jetty's default pool of 200 threads. */
    public static Server serve(Handler handler, int port) throws Exception {
        Server server = new Server(new QueuedThreadPool(200, 8));
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return server;
    }

    /** The bare-Jetty baseline handler: every {@code GET .../{id}} answers {@code body}. */
    public static Handler fixedJson(byte[] body) {
        return new FixedJsonHandler(body);
    }

    /** The same pool shape Mosaic's platform-db uses by default (config/io.mosaic.crm.db.cfg). */
    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(16);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(3000);
        return new HikariDataSource(config);
    }
}
