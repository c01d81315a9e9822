package io.mosaic.crm.platform.http.internal.testing;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code GET /wait} blocks until released, so that tests can hold requests in flight. */
public final class BlockingEndpoint implements Endpoint {
    public final Semaphore entered = new Semaphore(0);
    public final CountDownLatch release = new CountDownLatch(1);
    public final AtomicInteger finished = new AtomicInteger();

    @Override
    public void routes(Routes routes) {
        routes.get("/wait", Permission.authenticated(), r -> {
            entered.release();
            boolean released = release.await(30, TimeUnit.SECONDS);
            finished.incrementAndGet();
            return Map.of("released", released);
        });
        routes.get("/now", Permission.authenticated(), r -> Map.of("ok", true));
    }

    /** Waits until {@code count} requests are inside the handler. */
    public void awaitEntered(int count) throws InterruptedException {
        if (!entered.tryAcquire(count, 20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests did not arrive");
        }
    }
}
