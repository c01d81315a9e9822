package io.mosaic.crm.bench.jmh;

import io.mosaic.crm.platform.http.internal.route.EndpointRegistry;
import io.mosaic.crm.platform.http.internal.route.RouteTable;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.http.Handler;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route matching on every request: a table shaped like the real one (CRUD modules plus the platform's
 * admin routes, about 80 routes), looked up for a hit with a path parameter, a literal hit and a miss.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteLookupBench {
    private static final Handler NOTHING = request -> null;
    private RouteTable table;

    @Setup
    public void registerModules() {
        EndpointRegistry registry = new EndpointRegistry(1_000);
        long key = 1;
        for (String module : new String[] {"customers", "sales", "service", "marketing", "reports", "loyalty"}) {
            ModuleDescriptor descriptor = new ModuleDescriptor(module, module, "1.0.0", "/api/" + module, false);
            registry.add(key++, descriptor, crud(module, "accounts", "contacts"));
        }
        ModuleDescriptor platform = new ModuleDescriptor("platform", "Platform", "1.0.0", "/api/platform", true);
        registry.add(key, platform, routes -> {
            Permission admin = Permission.of("platform.modules", Action.ADMIN);
            for (String path : new String[] {"/modules", "/modules/{id}", "/bundles", "/runtime", "/config",
                    "/config/{pid}", "/metrics", "/tuning/parameters", "/tuning/advice", "/tuning/changes"}) {
                routes.get(path, admin, NOTHING);
            }
            routes.post("/modules/{id}/enable", admin, NOTHING);
            routes.post("/modules/{id}/disable", admin, NOTHING);
            routes.patch("/config/{pid}", admin, NOTHING);
        });
        table = registry.table();
    }

    private static Endpoint crud(String module, String... entities) {
        return routes -> {
            for (String entity : entities) {
                Permission read = Permission.of(module + "." + entity, Action.READ);
                routes.get("/" + entity, read, NOTHING);
                routes.post("/" + entity, read, NOTHING);
                routes.get("/" + entity + "/{id}", read, NOTHING);
                routes.patch("/" + entity + "/{id}", read, NOTHING);
                routes.delete("/" + entity + "/{id}", read, NOTHING);
                routes.get("/" + entity + "/{id}/history", read, NOTHING);
            }
        };
    }

    @Benchmark
    public RouteTable.Lookup get_by_id() {
        return table.lookup("GET", "/api/customers/contacts/123456");
    }

    @Benchmark
    public RouteTable.Lookup literal_platform_route() {
        return table.lookup("GET", "/api/platform/runtime");
    }

    @Benchmark
    public RouteTable.Lookup miss() {
        return table.lookup("GET", "/api/nowhere/at/all");
    }
}
