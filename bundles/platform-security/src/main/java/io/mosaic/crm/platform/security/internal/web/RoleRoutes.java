package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.user.RoleDirectory;
import io.mosaic.crm.platform.security.internal.user.RoleInput;
import io.mosaic.crm.platform.security.internal.user.RoleView;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import java.util.Map;

/** {@code /roles}: roles with their permissions and hidden fields, for {@code security.roles:admin}. */
final class RoleRoutes {
    static final Permission ADMIN = Permission.of("security.roles", Action.ADMIN);

    private final RoleDirectory roles;
    private final AuditLog audit;

    RoleRoutes(RoleDirectory roles, AuditLog audit) {
        this.roles = roles;
        this.audit = audit;
    }

    void register(Routes routes) {
        routes.get("/roles", ADMIN, r -> Map.of("items", roles.list()))
                .summary("List roles with permissions and hidden fields").responseBody(RoleView.class);
        routes.get("/roles/{id}", ADMIN, r -> roles.get(r.idParam("id")))
                .summary("One role").responseBody(RoleView.class);
        routes.post("/roles", ADMIN, this::create)
                .summary("Create a custom role: permissions like customers.accounts:read or customers.*:edit:own,"
                        + " hidden fields like customers.accounts.annualRevenue")
                .requestBody(RoleInput.class).responseBody(RoleView.class);
        routes.put("/roles/{id}", ADMIN, this::replace)
                .summary("Replace a role's description, permissions and hidden fields (not of admin)")
                .requestBody(RoleInput.class).responseBody(RoleView.class);
        routes.delete("/roles/{id}", ADMIN, this::delete).summary("Delete a custom role");
    }

    Reply create(ApiRequest request) {
        RoleView created = roles.create(request.body(RoleInput.class));
        record(request, "role.created", created);
        return Reply.created(request.path().replaceAll("/+$", "") + "/" + created.id(), created);
    }

    RoleView replace(ApiRequest request) {
        RoleView changed = roles.update(request.idParam("id"), request.body(RoleInput.class));
        record(request, "role.changed", changed);
        return changed;
    }

    Reply delete(ApiRequest request) {
        long id = request.idParam("id");
        RoleView role = roles.get(id);
        roles.delete(id);
        record(request, "role.deleted", role);
        return Reply.noContent();
    }

    private void record(ApiRequest request, String event, RoleView role) {
        audit.record(event, request.principal().userId(), request.principal().name(), "role " + role.name(),
                request.remoteAddress(), "permissions " + role.permissions() + "; hidden " + role.hiddenFields());
    }
}
