package io.mosaic.crm.testing.slowq;

import io.mosaic.crm.sdk.db.Database;
import io.mosaic.crm.sdk.error.BadRequestException;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /api/slowq/sleep?ms=200}: holds one pooled connection for that long by running
 * {@code SELECT SLEEP(?)} through the platform's Database service. For tests that saturate the pool.
 */
@Component(service = Endpoint.class)
public final class SlowQueryEndpoint implements Endpoint {
    private static final Permission SLEEP = Permission.of("slowq", Action.READ);
    private static final int MAX_MILLIS = 10_000;

    private final Database database;

    @Activate
    public SlowQueryEndpoint(@Reference Database database) {
        this.database = database;
    }

    @Override
    public void routes(Routes routes) {
        routes.get("/sleep", SLEEP, req -> {
            String text = req.query("ms").orElse("200");
            if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) > MAX_MILLIS) {
                throw new BadRequestException("invalid_ms", "ms must be 0.." + MAX_MILLIS);
            }
            double seconds = Integer.parseInt(text) / 1000.0;
            int result = database.jdbi().withHandle(h -> h.createQuery("SELECT SLEEP(:seconds)")
                    .bind("seconds", seconds).mapTo(Integer.class).one());
            return Map.of("sleptMillis", Integer.parseInt(text), "interrupted", result != 0);
        }).summary("Hold a database connection for ms milliseconds (SELECT SLEEP)");
    }
}
