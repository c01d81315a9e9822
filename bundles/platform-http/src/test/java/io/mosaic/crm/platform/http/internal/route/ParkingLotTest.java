package io.mosaic.crm.platform.http.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ParkingLotTest {
    private final AtomicReference<RouteTable> table = new AtomicReference<>(RouteTable.EMPTY);
    private final ParkingLot lot = new ParkingLot(table::get, 10_000);

    @Test
    void a_starting_module_parks_its_first_requests_until_its_endpoint_is_up() throws Exception {
        lot.expecting("customers");
        RouteTable seen = table.get();
        CompletableFuture<Boolean> parked = CompletableFuture.supplyAsync(() -> park("customers", seen));
        while (!lot.parking("customers") || (Integer) lot.facts().get("parkedNow") == 0) {
            Thread.onSpinWait();
        }

        table.set(new RouteTable(List.of(), Set.of("customers")));
        lot.arrived("customers");

        assertThat(parked.get(5, TimeUnit.SECONDS)).as("look the route up again").isTrue();
        assertThat(lot.parking("customers")).isFalse();
    }

    @Test
    void a_module_already_serving_opens_no_window() {
        table.set(new RouteTable(List.of(), Set.of("customers")));

        lot.expecting("customers");

        assertThat(lot.parking("customers")).isFalse();
    }

    @Test
    void an_abandoned_start_releases_at_once() throws Exception {
        lot.expecting("customers");
        lot.abandon("customers");

        assertThat(park("customers", table.get())).isFalse();
    }

    private boolean park(String module, RouteTable seen) {
        try {
            return lot.park(module, seen);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
