package io.mosaic.crm.platform.security.internal.web;

import io.mosaic.crm.platform.security.internal.audit.AuditLog;
import io.mosaic.crm.platform.security.internal.login.UserPrincipal;
import io.mosaic.crm.platform.security.internal.token.TokenRepository;
import io.mosaic.crm.platform.security.internal.token.TokenView;
import io.mosaic.crm.platform.security.internal.user.Grants;
import io.mosaic.crm.sdk.error.FieldProblem;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.error.ValidationException;
import io.mosaic.crm.sdk.http.ApiRequest;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.http.Routes;
import io.mosaic.crm.sdk.security.Permission;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /tokens}: the caller's own API tokens. The secret is in the answer to POST only. A token
 * cannot mint tokens (a narrow token would otherwise widen itself); revocation works at once, as
 * every request looks the token up.
 */
final class TokenRoutes {
    private final TokenRepository tokens;
    private final AuditLog audit;
    private final Clock clock;

    TokenRoutes(TokenRepository tokens, AuditLog audit, Clock clock) {
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
    }

    void register(Routes routes) {
        routes.get("/tokens", Permission.authenticated(), r -> Map.of("items", tokens.listOf(r.principal().userId())))
                .summary("Your API tokens (never their secrets)").responseBody(TokenView.class);
        routes.post("/tokens", Permission.authenticated(), this::create)
                .summary("Create an API token; its secret is shown in this answer only")
                .requestBody(Inputs.NewToken.class);
        routes.delete("/tokens/{id}", Permission.authenticated(), this::revoke)
                .summary("Revoke one of your tokens; effective immediately");
    }

    Reply create(ApiRequest request) {
        UserPrincipal principal = (UserPrincipal) request.principal();
        if (principal.via() == UserPrincipal.Via.TOKEN) {
            throw new ForbiddenException("an API token cannot create tokens; sign in with your password");
        }
        Inputs.NewToken body = request.body(Inputs.NewToken.class);
        var problems = new ArrayList<FieldProblem>();
        if (body.name() == null || body.name().isBlank() || body.name().length() > 100) {
            problems.add(new FieldProblem("name", "required, at most 100 characters"));
        }
        if (body.scope() != null) {
            try {
                if (body.scope().length() > 1000) {
                    throw new IllegalArgumentException("too long");
                }
                Grants.parseScope(body.scope());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("scope", "space-separated resource:action entries, e.g. customers.*:read"));
            }
        }
        Instant expiresAt = null;
        if (body.expiresAt() != null) {
            try {
                expiresAt = Instant.parse(body.expiresAt());
                if (!expiresAt.isAfter(clock.instant())) {
                    problems.add(new FieldProblem("expiresAt", "must be in the future"));
                }
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem("expiresAt", "an ISO-8601 instant, e.g. 2030-01-01T00:00:00Z"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        TokenRepository.Issued issued = tokens.issue(principal.userId(), body.name(), body.scope(), expiresAt);
        audit.record("token.created", principal.userId(), principal.name(), "token " + issued.token().prefix(),
                request.remoteAddress(), body.scope() == null ? "full access" : "scope " + body.scope());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", issued.id());
        answer.put("name", body.name());
        answer.put("prefix", "msc_" + issued.token().prefix());
        answer.put("scope", body.scope());
        answer.put("expiresAt", expiresAt == null ? null : expiresAt.toString());
        answer.put("token", issued.token().reveal());
        return Reply.created(request.path().replaceAll("/+$", "") + "/" + issued.id(), answer);
    }

    Reply revoke(ApiRequest request) {
        long id = request.idParam("id");
        if (!tokens.revoke(request.principal().userId(), id)) {
            throw new NotFoundException("token", id);
        }
        audit.record("token.revoked", request.principal().userId(), request.principal().name(), "token id " + id,
                request.remoteAddress(), null);
        return Reply.noContent();
    }
}
