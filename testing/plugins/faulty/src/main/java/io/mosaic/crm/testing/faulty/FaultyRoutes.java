package io.mosaic.crm.testing.faulty;

import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Component;

/**
 * Routes written badly on purpose: {@code /throw} throws an unexpected exception, {@code /loop}
 * does not return for 30 s and ignores interrupts; {@code /ok} works.
 */
@Component(service = Endpoint.class)
public final class FaultyRoutes implements Endpoint {
    private static final long LOOP_NANOS = TimeUnit.SECONDS.toNanos(30);

    @Override
    public void routes(Routes routes) {
        routes.get("/throw", Permission.authenticated(), request -> {
            throw new IllegalStateException("the faulty plugin failed, as it always does");
        });
        routes.get("/loop", Permission.authenticated(), request -> {
            long end = System.nanoTime() + LOOP_NANOS;
            while (System.nanoTime() - end < 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ignored) {
                    // a bad plugin swallows the interrupt and carries on
                }
            }
            return Map.of("finally", true);
        });
        routes.get("/ok", Permission.authenticated(), request -> Map.of("ok", true));
    }
}
