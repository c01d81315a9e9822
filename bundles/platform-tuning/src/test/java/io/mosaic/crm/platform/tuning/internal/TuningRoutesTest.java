package io.mosaic.crm.platform.tuning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.mosaic.crm.sdk.http.Handler;
import io.mosaic.crm.sdk.http.Route;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TuningRoutesTest {

    @Test
    void reading_needs_tuning_read_and_changing_needs_tuning_edit() {
        Map<String, Permission> declared = new LinkedHashMap<>();
        Routes routes = new Routes() {
            private Route add(String method, String pattern, Permission permission) {
                declared.put(method + " " + pattern, permission);
                return new Route() {
                    @Override public Route summary(String s) { return this; }
                    @Override public Route requestBody(Class<?> t) { return this; }
                    @Override public Route responseBody(Class<?> t) { return this; }
                    @Override public Route queryParameter(String n, String d) { return this; }
                };
            }
            @Override public Route get(String p, Permission perm, Handler h) { return add("GET", p, perm); }
            @Override public Route post(String p, Permission perm, Handler h) { return add("POST", p, perm); }
            @Override public Route put(String p, Permission perm, Handler h) { return add("PUT", p, perm); }
            @Override public Route patch(String p, Permission perm, Handler h) { return add("PATCH", p, perm); }
            @Override public Route delete(String p, Permission perm, Handler h) { return add("DELETE", p, perm); }
        };
        new TuningRoutes(null, null, null, null, null).register(routes);
        assertThat(declared).hasSize(5);
        assertThat(declared.get("GET /parameters")).hasToString("platform.tuning:read");
        assertThat(declared.get("GET /advice")).hasToString("platform.tuning:read");
        assertThat(declared.get("GET /changes")).hasToString("platform.tuning:read");
        assertThat(declared.get("POST /apply")).hasToString("platform.tuning:edit");
        assertThat(declared.get("POST /rollback/{changeId}")).hasToString("platform.tuning:edit");
    }
}
