package io.mosaic.crm.platform.http.internal.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mosaic.crm.platform.http.internal.testing.DemoEndpoint;
import io.mosaic.crm.sdk.http.Handler;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private static final ModuleDescriptor DEMO = ModuleDescriptor.parse("demo", "1.0.0");
    private static final Handler NOTHING = r -> null;

    private final EndpointRegistry registry = new EndpointRegistry(1_000);

    @Test
    void matches_path_parameters_under_the_module_base_path() {
        registry.add(1, DEMO, new DemoEndpoint());

        var lookup = registry.table().lookup("GET", "/api/demo/items/17/notes/3");

        assertThat(lookup).isInstanceOfSatisfying(RouteTable.Found.class, found -> {
            assertThat(found.params()).isEqualTo(Map.of("id", "17", "noteId", "3"));
            assertThat(found.route().moduleId()).isEqualTo("demo");
        });
    }

    @Test
    void a_root_module_declares_absolute_routes() {
        registry.add(1, ModuleDescriptor.parse("probe;path=/", "1.0.0"), routes -> {
            routes.get("/health", Permission.anonymous(), NOTHING);
            routes.get("/api/platform/probe", Permission.authenticated(), NOTHING);
        });

        assertThat(registry.table().lookup("GET", "/health")).isInstanceOf(RouteTable.Found.class);
        assertThat(registry.table().lookup("GET", "/api/platform/probe")).isInstanceOfSatisfying(RouteTable.Found.class,
                found -> assertThat(found.route().pattern()).hasToString("/api/platform/probe"));
    }

    @Test
    void remembers_the_public_routes_of_a_module_that_went_away() {
        registry.add(1, DEMO, routes -> {
            routes.get("/surveys/{token}", Permission.anonymous(), NOTHING);
            routes.get("/cases/{id}", Permission.authenticated(), NOTHING);
        });
        registry.remove(1);

        assertThat(registry.table().serves("demo")).isFalse();
        assertThat(registry.wasPublic("demo", "GET", "/api/demo/surveys/abc")).isTrue();
        assertThat(registry.wasPublic("demo", "HEAD", "/api/demo/surveys/abc")).isTrue();
        assertThat(registry.wasPublic("demo", "POST", "/api/demo/surveys/abc")).isFalse();
        assertThat(registry.wasPublic("demo", "GET", "/api/demo/cases/1")).isFalse();
        assertThat(registry.wasPublic("other", "GET", "/api/demo/surveys/abc")).isFalse();
    }

    @Test
    void prefers_a_literal_segment_over_a_parameter() {
        registry.add(1, DEMO, new DemoEndpoint());

        var lookup = registry.table().lookup("GET", "/api/demo/items/search");

        assertThat(lookup).isInstanceOfSatisfying(RouteTable.Found.class,
                found -> assertThat(found.route().pattern()).hasToString("/api/demo/items/search"));
    }

    @Test
    void reports_the_allowed_methods_of_a_known_path() {
        registry.add(1, DEMO, new DemoEndpoint());

        var lookup = registry.table().lookup("PUT", "/api/demo/items/17");

        assertThat(lookup).isEqualTo(new RouteTable.WrongMethod(java.util.List.of("DELETE", "GET", "HEAD")));
    }

    @Test
    void finds_nothing_for_unknown_paths_empty_segments_and_trailing_slashes() {
        registry.add(1, DEMO, new DemoEndpoint());
        RouteTable table = registry.table();

        assertThat(table.lookup("GET", "/api/demo/nothing")).isInstanceOf(RouteTable.NoRoute.class);
        assertThat(table.lookup("GET", "/api/demo/items//notes/3")).isInstanceOf(RouteTable.NoRoute.class);
        assertThat(table.lookup("GET", "/api/demo/me/")).isInstanceOf(RouteTable.NoRoute.class);
    }

    @Test
    void rejects_an_endpoint_whose_routes_clash_with_another_module() {
        registry.add(1, DEMO, routes -> routes.get("/items/{id}", Permission.authenticated(), NOTHING));
        ModuleDescriptor squatter = ModuleDescriptor.parse("squatter;path=/api/demo", "1.0.0");

        boolean added = registry.add(2, squatter, routes -> routes.get("/items/{other}", Permission.authenticated(), NOTHING));

        assertThat(added).isFalse();
        assertThat(registry.table().serves("squatter")).isFalse();
        assertThat(registry.table().serves("demo")).isTrue();
    }

    @Test
    void rejects_an_endpoint_that_declares_a_route_twice_or_a_bad_pattern() {
        assertThat(registry.add(1, DEMO, routes -> {
            routes.get("/a", Permission.authenticated(), NOTHING);
            routes.get("/a", Permission.authenticated(), NOTHING);
        })).isFalse();
        assertThat(registry.add(2, DEMO, routes -> routes.get("no-slash", Permission.authenticated(), NOTHING))).isFalse();
        assertThat(registry.add(3, DEMO, routes -> routes.get("/a/{id}/{id}", Permission.authenticated(), NOTHING))).isFalse();
        assertThat(registry.add(4, DEMO, routes -> {
            throw new IllegalStateException("broken endpoint");
        })).isFalse();
        assertThat(registry.table().routes()).isEmpty();
    }

    @Test
    void swaps_in_a_new_table_when_an_endpoint_goes() {
        registry.add(1, DEMO, new DemoEndpoint());
        RouteTable before = registry.table();

        registry.remove(1);

        assertThat(registry.table()).isNotSameAs(before);
        assertThat(registry.table().routes()).isEmpty();
        assertThat(before.routes()).isNotEmpty(); // snapshots never change
    }

    @Test
    void the_base_path_itself_is_a_route() {
        assertThat(RoutePattern.of("/api/demo", "")).hasToString("/api/demo");
        assertThat(RoutePattern.of("/api/demo", "/")).hasToString("/api/demo");
        assertThatThrownBy(() -> RoutePattern.of("/api/demo", "/a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
