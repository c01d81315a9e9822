package io.mosaic.crm.platform.http.internal.jetty;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Requests without credentials (no {@code Authorization} header, no cookie: sign-ins, health
 * probes, strangers) may hold at most a share of the request threads at once; beyond it they are
 * answered 503 {@code busy} with {@code Retry-After} at once, so that slow or numerous anonymous
 * clients always leave threads for signed-in users. The share changes live.
 */
final class AnonymousShare extends Handler.Wrapper {
    private final Permits permits = new Permits();
    private final LongAdder rejections = new LongAdder();
    private final ResponseWriter writer = new ResponseWriter(new ObjectMapper());
    private int size;

    /** A semaphore whose permits can be lowered while they are held. */
    private static final class Permits extends Semaphore {
        private static final long serialVersionUID = 1L;

        Permits() {
            super(0);
        }

        void lower(int by) {
            reducePermits(by);
        }
    }

    AnonymousShare(Handler handler, int size) {
        super(handler);
        resize(size);
    }

    /** The share of {@code maxThreads} in percent, at least one thread. */
    static int sizeFor(int maxThreads, int percent) {
        return Math.max(1, (int) ((long) maxThreads * Math.max(1, Math.min(100, percent)) / 100));
    }

    synchronized void resize(int next) {
        if (next > size) {
            permits.release(next - size);
        } else if (next < size) {
            permits.lower(size - next);
        }
        size = next;
    }

    synchronized int size() {
        return size;
    }

    /** Anonymous requests being served now. */
    int inUse() {
        return Math.max(0, size() - permits.availablePermits());
    }

    long rejections() {
        return rejections.sum();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (hasCredentials(request)) {
            return super.handle(request, response, callback);
        }
        if (!permits.tryAcquire()) {
            rejections.increment();
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            ResponseWriter.write(response, writer.render(busy()), callback);
            return true;
        }
        try {
            return super.handle(request, response, callback);
        } finally {
            permits.release();
        }
    }

    private static boolean hasCredentials(Request request) {
        return request.getHeaders().contains(HttpHeader.AUTHORIZATION) || request.getHeaders().contains(HttpHeader.COOKIE);
    }

    private static ApiProblem busy() {
        return new ApiProblem(503, "busy", "too many requests without credentials at once; retry in a moment",
                List.of(), Map.of("Retry-After", "1"));
    }
}
