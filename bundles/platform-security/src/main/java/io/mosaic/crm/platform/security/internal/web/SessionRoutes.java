package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.login.BasicCredentials;
import io.mosaic.crm.platform.security.internal.login.ClientOrigin;
import io.mosaic.crm.platform.security.internal.login.PasswordLogin;
import io.mosaic.crm.platform.security.internal.login.UserPrincipal;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import io.mosaic.crm.platform.security.internal.session.SessionCookie;
import io.mosaic.crm.platform.security.internal.session.SessionLogin;
import io.mosaic.crm.platform.security.internal.session.SessionRepository;
import io.mosaic.crm.platform.security.internal.user.UserRepository;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.UnauthorizedException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.AuthRequest;
import io.mosaic.crm.sdk.security.Permission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code /session}: console sign-in, the current user, sign-out and the user's own password. */
final class SessionRoutes {
    private final PasswordLogin passwords;
    private final SessionLogin sessions;
    private final UserRepository users;
    private final Argon2idHasher hasher;
    private final ClientOrigin origin;
    private final AuditLog audit;

    SessionRoutes(PasswordLogin passwords, SessionLogin sessions, UserRepository users, Argon2idHasher hasher,
            ClientOrigin origin, AuditLog audit) {
        this.passwords = passwords;
        this.sessions = sessions;
        this.users = users;
        this.hasher = hasher;
        this.origin = origin;
        this.audit = audit;
    }

    void register(Routes routes) {
        routes.post("/session", Permission.anonymous(), this::login)
                .summary("Sign in with user name and password; sets the session cookie and returns the CSRF token")
                .requestBody(Inputs.Login.class);
        routes.get("/session", Permission.authenticated(), this::current)
                .summary("The signed-in user, their permissions and the session's CSRF token");
        routes.delete("/session", Permission.authenticated(), this::logout).summary("Sign out: ends the session");
        routes.put("/session/password", Permission.authenticated(), this::changePassword)
                .summary("Change your own password (the current one is required); ends your other sessions")
                .requestBody(Inputs.PasswordChange.class);
    }

    Reply login(ApiRequest request) {
        ClientOrigin.Client client = client(request);
        if (!SameSite.allows(request)) {
            throw new ForbiddenException("csrf_rejected", "sign-in from another site is not allowed");
        }
        Inputs.Login body = request.body(Inputs.Login.class);
        var problems = new ArrayList<FieldProblem>();
        if (body.username() == null || body.username().isEmpty() || body.username().length() > 100) {
            problems.add(new FieldProblem("username", "required, at most 100 characters"));
        }
        if (body.password() == null || body.password().isEmpty() || body.password().length() > Checks.MAX_PASSWORD) {
            problems.add(new FieldProblem("password", "required, at most " + Checks.MAX_PASSWORD + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UserPrincipal user = passwords.login(new BasicCredentials(body.username(), body.password()), client.address(),
                "session", false).orElseThrow(() -> new UnauthorizedException("wrong user name or password"));
        SessionRepository.Opened opened = sessions.open(user, cookie(request).orElse(null), client.address());
        UserPrincipal inSession = user.inSession(opened.id(), opened.csrfToken());
        return Reply.ok(body(inSession)).header("Set-Cookie", SessionCookie.set(opened.cookie(), client.secure()));
    }

    Map<String, Object> current(ApiRequest request) {
        return body((UserPrincipal) request.principal());
    }

    Reply logout(ApiRequest request) {
        ClientOrigin.Client client = client(request);
        sessions.close((UserPrincipal) request.principal(), client.address());
        return Reply.noContent().header("Set-Cookie", SessionCookie.clear(client.secure()));
    }

    Reply changePassword(ApiRequest request) {
        UserPrincipal principal = (UserPrincipal) request.principal();
        ClientOrigin.Client client = client(request);
        Inputs.PasswordChange body = request.body(Inputs.PasswordChange.class);
        var problems = new ArrayList<FieldProblem>();
        if (body.currentPassword() == null || body.currentPassword().length() > Checks.MAX_PASSWORD) {
            problems.add(new FieldProblem("currentPassword", "required"));
        }
        Checks.password("newPassword", body.newPassword(), principal.name(), problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        boolean verified = passwords.login(new BasicCredentials(principal.name(), body.currentPassword()),
                client.address(), "password-change", false).filter(u -> u.userId() == principal.userId()).isPresent();
        if (!verified) {
            throw new ValidationException("currentPassword", "wrong password");
        }
        users.changePassword(principal.userId(), hasher.hash(body.newPassword()));
        int ended = sessions.closeOthers(principal.userId(), principal.sessionId());
        audit.record("password.changed", principal.userId(), principal.name(), principal.name(), client.address(),
                "ended " + ended + " other session(s)");
        return Reply.noContent();
    }

    static Map<String, Object> body(UserPrincipal principal) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("id", principal.userId());
        user.put("username", principal.name());
        user.put("roles", principal.roles().stream().sorted().toList());
        user.put("permissions", PermissionCatalog.of(principal));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", user);
        body.put("csrfToken", principal.csrfToken().orElse(null));
        return body;
    }

    private ClientOrigin.Client client(ApiRequest request) {
        return origin.of(request::header, request.remoteAddress(), request.secure());
    }

    private static Optional<String> cookie(ApiRequest request) {
        return AuthRequest.of("GET", "/", request.header("Cookie").map(c -> Map.of("Cookie", c)).orElse(Map.of()),
                "", false).cookie(SessionCookie.NAME);
    }
}
