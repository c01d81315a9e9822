package io.mosaic.crm.platform.http.internal.jetty;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jetty core server: one thread pool, one HTTP/1.1 connector, one handler behind two guards
 * ({@link AnonymousShare}: requests without credentials hold at most a share of the threads;
 * {@link SlowBodyGuard}: bodies must come in time). Thread pool sizes, the guards' limits and
 * the idle timeout change live; a new host or port gets a new connector, opened before the
 * old one is closed, so the server never stops.
 */
public final class EmbeddedJetty {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedJetty.class);

    private final Server server;
    private final QueuedThreadPool threads;
    private final AnonymousShare anonymous;
    private final SlowBodyGuard bodies;
    private volatile ServerConnector connector;
    private volatile ServerSettings settings;

    public EmbeddedJetty(ServerSettings settings, Handler handler, ErrorHandler errorHandler) {
        this.settings = settings;
        this.threads = new QueuedThreadPool(settings.maxThreads(), settings.minThreads());
        threads.setName("mosaic-http");
        this.server = new Server(threads);
        this.bodies = new SlowBodyGuard(handler, settings.bodyTimeoutMillis(), settings.minBodyBytesPerSecond());
        this.anonymous = new AnonymousShare(bodies,
                AnonymousShare.sizeFor(settings.maxThreads(), settings.anonymousSharePercent()));
        server.setHandler(anonymous);
        server.setErrorHandler(errorHandler);
        server.setStopTimeout(settings.drainTimeoutMillis());
        this.connector = newConnector(settings);
        server.addConnector(connector);
    }

    public void start() throws Exception {
        server.start();
        LOG.info("HTTP serving on {}:{}", settings.host(), connector.getLocalPort());
    }

    /**
     * The first step of shutting down: closes the listening socket (new connections are refused;
     * answers on open connections close them), then waits until no request is running, at most the
     * drain timeout.
     *
     * @return the requests still running when it gave up waiting (0: all finished)
     */
    public int refuseConnectionsAndDrain(IntSupplier running) throws InterruptedException {
        connector.shutdown();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.drainTimeoutMillis());
        while (running.getAsInt() > 0 && System.nanoTime() - deadline < 0) {
            Thread.sleep(10);
        }
        return running.getAsInt();
    }

    /** Stops gracefully: running requests get up to the drain timeout, idle connections are closed. */
    public void stop() throws Exception {
        try {
            server.stop();
        } catch (TimeoutException e) {
            LOG.warn("HTTP stopped with requests still running after {} ms", settings.drainTimeoutMillis());
        }
        LOG.info("HTTP stopped");
    }

    /** The port actually bound (useful when configured as 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public QueuedThreadPool threadPool() {
        return threads;
    }

    /** Request bodies answered 408 because they came too slowly, since start. */
    public long slowBodies() {
        return bodies.timeouts();
    }

    /** Requests without credentials answered 503 busy because their share of threads was taken. */
    public long anonymousRejections() {
        return anonymous.rejections();
    }

    /** Requests without credentials being served now. */
    public int anonymousInUse() {
        return anonymous.inUse();
    }

    /** Applies new settings in place: thread pool, idle timeout, body limits and anonymous share live, address by swapping the connector. */
    public synchronized void retune(ServerSettings next) throws Exception {
        resizePool(next.minThreads(), next.maxThreads());
        anonymous.resize(AnonymousShare.sizeFor(next.maxThreads(), next.anonymousSharePercent()));
        bodies.limits(next.bodyTimeoutMillis(), next.minBodyBytesPerSecond());
        server.setStopTimeout(next.drainTimeoutMillis());
        if (!next.sameAddress(settings)) {
            replaceConnector(next);
        }
        connector.setIdleTimeout(next.idleTimeoutMillis());
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            endPoint.setIdleTimeout(next.idleTimeoutMillis());
        }
        settings = next;
    }

    private void resizePool(int wantedMin, int wantedMax) {
        // Jetty keeps some threads for its acceptors and selectors and refuses a smaller maximum
        int leased = threads.getThreadPoolBudget() == null ? 0 : threads.getThreadPoolBudget().getLeasedThreads();
        int max = Math.max(wantedMax, leased + 1);
        int min = Math.min(wantedMin, max);
        if (max != wantedMax || min != wantedMin) {
            LOG.warn("thread pool {}..{} cannot work: Jetty needs {} threads for itself; using {}..{}", wantedMin,
                    wantedMax, leased, min, max);
        }
        // Jetty refuses min > max at every step, so order the two calls
        if (min > threads.getMaxThreads()) {
            threads.setMaxThreads(max);
            threads.setMinThreads(min);
        } else {
            threads.setMinThreads(min);
            threads.setMaxThreads(max);
        }
    }

    private void replaceConnector(ServerSettings next) throws Exception {
        ServerConnector fresh = newConnector(next);
        try {
            fresh.start();
        } catch (Exception e) {
            fresh.stop();
            LOG.error("cannot listen on {}:{}; still serving on {}:{}", next.host(), next.port(), settings.host(),
                    connector.getLocalPort(), e);
            throw e;
        }
        server.addConnector(fresh);
        server.manage(fresh); // added to a running server it would be unmanaged and outlive stop()
        ServerConnector old = connector;
        connector = fresh;
        LOG.info("HTTP now serving on {}:{}; closing {}:{}", next.host(), fresh.getLocalPort(), settings.host(),
                old.getLocalPort());
        try {
            old.shutdown().get(next.drainTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warn("connections on the old port still open after {} ms; closing them", next.drainTimeoutMillis());
        } finally {
            old.stop();
            server.removeConnector(old);
        }
    }

    private ServerConnector newConnector(ServerSettings s) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
        c.setHost(s.host());
        c.setPort(s.port());
        c.setIdleTimeout(s.idleTimeoutMillis());
        return c;
    }

    /** Live figures of the server for {@code RuntimeFacts}. */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("host", settings.host());
        facts.put("port", connector.getLocalPort());
        facts.put("minThreads", threads.getMinThreads());
        facts.put("maxThreads", threads.getMaxThreads());
        facts.put("threads", threads.getThreads());
        facts.put("idleThreads", threads.getIdleThreads());
        facts.put("busyThreads", threads.getBusyThreads());
        facts.put("queueSize", threads.getQueueSize());
        facts.put("idleTimeoutMillis", connector.getIdleTimeout());
        facts.put("bodyTimeoutMillis", settings.bodyTimeoutMillis());
        facts.put("minBodyBytesPerSecond", settings.minBodyBytesPerSecond());
        facts.put("slowBodies", bodies.timeouts());
        facts.put("anonymousShare", anonymous.size());
        facts.put("anonymousInUse", anonymous.inUse());
        facts.put("anonymousRejections", anonymous.rejections());
        return facts;
    }
}
