package io.mosaic.crm.platform.http.internal.jetty;

import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Gives every request body a deadline and a minimum rate ({@link BodyDeadline}), so that a client
 * trickling its body cannot hold a request thread for long: such a body is answered 408
 * {@code request_timeout}. Both limits change live; 0 turns either off.
 */
final class SlowBodyGuard extends Handler.Wrapper {
    private final LongAdder timeouts = new LongAdder();
    private volatile long timeoutMillis;
    private volatile long minBytesPerSecond;

    SlowBodyGuard(Handler handler, long timeoutMillis, long minBytesPerSecond) {
        super(handler);
        limits(timeoutMillis, minBytesPerSecond);
    }

    void limits(long timeoutMillis, long minBytesPerSecond) {
        this.timeoutMillis = timeoutMillis <= 0 ? Long.MAX_VALUE / 2_000_000 : timeoutMillis;
        this.minBytesPerSecond = Math.max(0, minBytesPerSecond);
    }

    /** Bodies answered 408 since start. */
    long timeouts() {
        return timeouts.sum();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!hasBody(request)) {
            return super.handle(request, response, callback);
        }
        return super.handle(new BodyDeadline(request, timeoutMillis, minBytesPerSecond, timeouts::increment),
                response, callback);
    }

    private static boolean hasBody(Request request) {
        return request.getLength() > 0 || request.getHeaders().contains(HttpHeader.TRANSFER_ENCODING);
    }
}
