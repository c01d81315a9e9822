package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.session.SessionLogin;
import io.mosaic.crm.platform.security.internal.user.UserDirectory;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import io.mosaic.crm.platform.security.internal.user.UserView;
import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Action;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code /users}: user management, for holders of {@code security.users:admin} only. */
final class UserRoutes {
    static final Permission ADMIN = Permission.of("security.users", Action.ADMIN);

    private final UserDirectory directory;
    private final UserRepository users;
    private final Argon2idHasher hasher;
    private final SessionLogin sessions;
    private final AuditLog audit;

    UserRoutes(UserDirectory directory, UserRepository users, Argon2idHasher hasher, SessionLogin sessions,
            AuditLog audit) {
        this.directory = directory;
        this.users = users;
        this.hasher = hasher;
        this.sessions = sessions;
        this.audit = audit;
    }

    void register(Routes routes) {
        routes.get("/users", ADMIN, r -> Map.of("items", directory.list()))
                .summary("List users with their roles").responseBody(UserView.class);
        routes.get("/users/{id}", ADMIN, r -> directory.get(r.idParam("id")))
                .summary("One user").responseBody(UserView.class);
        routes.post("/users", ADMIN, this::create)
                .summary("Create a user with a password and roles").requestBody(Inputs.NewUser.class)
                .responseBody(UserView.class);
        routes.patch("/users/{id}", ADMIN, this::change)
                .summary("Change e-mail, active, locked, roles or reset the password (null fields stay)")
                .requestBody(Inputs.UserChange.class).responseBody(UserView.class);
        routes.delete("/users/{id}", ADMIN, this::delete).summary("Delete a user: signs them out, revokes access");
    }

    Reply create(ApiRequest request) {
        Inputs.NewUser body = request.body(Inputs.NewUser.class);
        var problems = new ArrayList<FieldProblem>();
        Checks.username(body.username(), problems);
        Checks.email(body.email(), problems);
        Checks.password("password", body.password(), body.username(), problems);
        if (body.roles() == null || body.roles().stream().anyMatch(Objects::isNull)) {
            problems.add(new FieldProblem("roles", "required: a list of role names (may be empty)"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UserView created = directory.create(body.username(), body.email(), hasher.hash(body.password()), body.roles());
        record(request, "user.created", created, "roles " + created.roles());
        return Reply.created(request.path().replaceAll("/+$", "") + "/" + created.id(), created);
    }

    UserView change(ApiRequest request) {
        long id = request.idParam("id");
        Inputs.UserChange body = request.body(Inputs.UserChange.class);
        UserView current = directory.get(id);
        var problems = new ArrayList<FieldProblem>();
        Checks.email(body.email(), problems);
        if (body.password() != null) {
            Checks.password("password", body.password(), current.username(), problems);
        }
        if (body.roles() != null && body.roles().stream().anyMatch(Objects::isNull)) {
            problems.add(new FieldProblem("roles", "role names must not be null"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean active = body.active() == null ? current.active() : body.active();
        boolean locked = body.locked() == null ? current.locked() : body.locked();
        if (id == request.principal().userId() && (!active || locked)) {
            throw new ConflictException("you cannot deactivate or lock yourself");
        }
        UserView changed = directory.update(id, body.email() == null ? current.email() : body.email(), active, locked,
                body.roles());
        if (body.password() != null) {
            users.changePassword(id, hasher.hash(body.password()));
        }
        if (body.password() != null || !active || locked) {
            sessions.closeOthers(id, 0);
        }
        record(request, "user.changed", changed, describe(current, changed, body.password() != null));
        return changed;
    }

    Reply delete(ApiRequest request) {
        long id = request.idParam("id");
        if (id == request.principal().userId()) {
            throw new ConflictException("you cannot delete yourself");
        }
        UserView current = directory.get(id);
        directory.delete(id);
        sessions.closeOthers(id, 0);
        record(request, "user.deleted", current, null);
        return Reply.noContent();
    }

    private void record(ApiRequest request, String event, UserView user, String detail) {
        Principal actor = request.principal();
        audit.record(event, actor.userId(), actor.name(), "user " + user.username(), request.remoteAddress(), detail);
    }

    private static String describe(UserView before, UserView after, boolean password) {
        List<String> parts = new ArrayList<>();
        if (before.active() != after.active()) {
            parts.add("active " + after.active());
        }
        if (before.locked() != after.locked()) {
            parts.add("locked " + after.locked());
        }
        if (!before.roles().equals(after.roles())) {
            parts.add("roles " + before.roles() + " -> " + after.roles());
        }
        if (!Objects.equals(before.email(), after.email())) {
            parts.add("email changed");
        }
        if (password) {
            parts.add("password reset");
        }
        return String.join("; ", parts);
    }
}
