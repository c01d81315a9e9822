package io.mosaic.crm.platform.http.internal.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.error.ErrorMapper;
import io.mosaic.crm.platform.http.internal.idempotency.IdempotencyKeys;
import io.mosaic.crm.platform.http.internal.isolation.RouteGuard;
import io.mosaic.crm.platform.http.internal.isolation.SingleAnswer;
import io.mosaic.crm.platform.http.internal.json.JsonBodyReader;
import io.mosaic.crm.platform.http.internal.metrics.RequestMetrics;
import io.mosaic.crm.platform.http.internal.openapi.OpenApiDocument;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter.Answer;
import io.mosaic.crm.platform.http.internal.route.EndpointRegistry;
import io.mosaic.crm.platform.http.internal.route.ModuleCatalog;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import io.mosaic.crm.platform.http.internal.route.RouteResolver;
import io.mosaic.crm.platform.http.internal.route.RouteTable;
import io.mosaic.crm.sdk.error.ForbiddenException;
import io.mosaic.crm.sdk.http.Reply;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.security.Authenticator;
import io.mosaic.crm.sdk.security.Permission;
import io.mosaic.crm.sdk.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request pipeline: authenticate, find the route, authorize, check the body, run the
 * handler, write JSON. Authentication comes first so that anonymous callers learn nothing about
 * which routes exist. Every failure ends as a JSON error written by {@link ResponseWriter}.
 */
public final class ApiDispatcher extends Handler.Abstract {
    private static final Logger ACCESS = LoggerFactory.getLogger("io.mosaic.crm.http.access");
    private static final String OPENAPI = "/api/openapi.json";

    private final EndpointRegistry registry;
    private final ModuleCatalog modules;
    private final Supplier<Authenticator> authenticator;
    private final JsonBodyReader reader;
    private final ResponseWriter writer;
    private final OpenApiDocument openApi;
    private final RouteResolver resolver;
    private final RouteGuard guard;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long maxBodyBytes;
    private volatile RequestMetrics metrics; // null: no metric registry, record nothing
    private volatile boolean accessLog;
    private volatile IdempotencyKeys idempotency; // null: Idempotency-Key is not supported (unit tests)

    public ApiDispatcher(ObjectMapper mapper, EndpointRegistry registry, ModuleCatalog modules,
            Supplier<Authenticator> authenticator, long maxBodyBytes) {
        this.registry = registry;
        this.modules = modules;
        this.authenticator = authenticator;
        this.reader = new JsonBodyReader(mapper);
        this.writer = new ResponseWriter(mapper);
        this.openApi = new OpenApiDocument(mapper);
        this.resolver = new RouteResolver(registry, modules);
        this.guard = new RouteGuard(writer);
        this.maxBodyBytes = maxBodyBytes;
    }

    /** Time budgets and circuit breakers of the handlers. */
    public RouteGuard guard() {
        return guard;
    }

    public void maxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
    }

    /** The recorder of request metrics, or null to record none. */
    public void metrics(RequestMetrics recorder) {
        this.metrics = recorder;
    }

    /** Serves {@code Idempotency-Key} on POSTs of signed-in callers. */
    public void idempotency(IdempotencyKeys keys) {
        this.idempotency = keys;
    }

    /** Whether every request is logged at INFO to {@code io.mosaic.crm.http.access}; it costs throughput. */
    public void accessLog(boolean on) {
        this.accessLog = on;
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long start = System.nanoTime();
        inFlight.incrementAndGet();
        String method = request.getMethod();
        String path = Request.getPathInContext(request);
        Principal principal = null;
        Answer answer;
        SingleAnswer single = SingleAnswer.attach(request, response, callback);
        try {
            principal = authenticate(request, path);
            answer = serve(request, method, path, principal);
        } catch (Exception | LinkageError failure) {
            answer = writer.render(ErrorMapper.toProblem(failure, method, path));
            if (request.getLength() != 0) {
                // the body may be unread: the client must not send its next request on this connection
                response.getHeaders().put(org.eclipse.jetty.http.HttpHeader.CONNECTION,
                        org.eclipse.jetty.http.HttpHeaderValue.CLOSE.asString());
            }
        } finally {
            inFlight.decrementAndGet();
        }
        long elapsed = System.nanoTime() - start;
        RequestMetrics recorder = metrics;
        if (recorder != null) { // before the answer leaves: a client holding it finds it counted
            recorder.record(method, request.getAttribute(RequestMetrics.ROUTE_ATTRIBUTE), answer.status(), elapsed);
        }
        if (single.claim()) { // else the handler overran its time budget and was answered 503 already
            ResponseWriter.write(response, answer, callback);
        }
        if (accessLog) {
            ACCESS.info("{} {} {} {}ms {}", method, path, answer.status(), elapsed / 1_000_000,
                    principal == null ? "-" : principal.name());
        }
        return true;
    }

    /** The caller, {@link Anonymous#INSTANCE} without credentials; only public routes serve the latter. */
    private Principal authenticate(Request request, String path) {
        Authenticator current = authenticator.get();
        if (current == null) {
            return Anonymous.UNCHECKED;
        }
        return current.authenticate(new JettyAuthRequest(request, path))
                .orElse(Anonymous.INSTANCE);
    }

    private Answer serve(Request request, String method, String path, Principal principal) throws Exception {
        if (principal instanceof Anonymous anonymous) {
            return serveAnonymous(request, method, path, anonymous);
        }
        refusePathParameters(request);
        if (path.equals(OPENAPI)) {
            if (!method.equals("GET") && !method.equals("HEAD")) {
                throw ApiProblem.methodNotAllowed(method, List.of("GET", "HEAD"));
            }
            return new Answer(200, Map.of(), openApi.render(registry.table()));
        }
        for (int attempt = 0; attempt < 4; attempt++) { // an update may be followed at once by a refresh
            RouteTable.Lookup lookup = resolver.lookup(method, path); // parks while the module is swapped
            RouteTable table = registry.table();
            if (lookup instanceof RouteTable.Found found) {
                RouteEntry route = found.route();
                request.setAttribute(RequestMetrics.ROUTE_ATTRIBUTE, route.pattern());
                boolean streamed = route.doc().streamed();
                if (!streamed) {
                    RequestBody.checkDeclaredLength(request, maxBodyBytes);
                }
                authorize(principal, route.permission());
                CsrfGuard.check(request, principal, route.permission());
                RequestBody.checkMediaType(request, route.doc().streamedBody());
                if (!route.gate().enter()) {
                    continue; // its endpoint is going away: look again in the newer table
                }
                try {
                    var exchange = new ExchangeRequest(request, path, found.params(), principal, reader, maxBodyBytes);
                    if (!streamed) {
                        receive(request, exchange);
                    }
                    var hidden = FieldRules.hiddenFor(principal, route.permission());
                    FieldRules.checkRequest(exchange, hidden, streamed);
                    String key = request.getHeaders().get(IdempotencyKeys.HEADER);
                    IdempotencyKeys keys = idempotency;
                    if (keys != null && !streamed && IdempotencyKeys.requested(method, key)) {
                        return keys.serve(principal, key, method, path, request.getHttpURI().getQuery(),
                                exchange.bodyBytes(), exchange::idempotentReply,
                                () -> writer.render(guard.call(request, route, exchange), hidden),
                                new IdempotencyKeys.Rendering() {
                                    @Override
                                    public Answer reply(Reply reply) throws Exception {
                                        return writer.render(reply, hidden);
                                    }

                                    @Override
                                    public Answer failure(Exception failure) {
                                        return writer.render(ErrorMapper.toProblem(failure, method, path));
                                    }
                                });
                    }
                    return writer.render(guard.call(request, route, exchange), hidden);
                } finally {
                    route.gate().exit();
                }
            }
            if (lookup instanceof RouteTable.WrongMethod wrong) {
                throw ApiProblem.methodNotAllowed(method, wrong.allowed());
            }
            Optional<ModuleDescriptor> module = modules.moduleOf(path);
            if (module.isPresent() && !table.serves(module.get().id())) {
                throw unavailable(module.get().id());
            }
            RequestBody.checkDeclaredLength(request, maxBodyBytes);
            throw ApiProblem.notFound(path);
        }
        throw unavailable(modules.moduleOf(path).map(ModuleDescriptor::id).orElse(path));
    }

    /** Strangers reach public routes only; everything else answers 401 (or 503 before security is up). */
    private Answer serveAnonymous(Request request, String method, String path, Anonymous anonymous) throws Exception {
        RouteTable.Lookup lookup = resolver.lookup(method, path);
        if (!(lookup instanceof RouteTable.Found found) || !found.route().permission().isPublic()) {
            Optional<ModuleDescriptor> module = modules.moduleOf(path);
            if (!(lookup instanceof RouteTable.Found) && module.isPresent() && !registry.table().serves(module.get().id())
                    && registry.wasPublic(module.get().id(), method, path)) {
                throw unavailable(module.get().id());      // a public route of a module that is off: 503, as when on it would answer
            }
            if (anonymous == Anonymous.UNCHECKED) {
                throw ApiProblem.unavailable("security_unavailable", "authentication is not available yet; retry later");
            }
            throw ApiProblem.unauthorized(BrowserFetch.mayChallenge(request, path));
        }
        refusePathParameters(request);
        return serve(request, method, path, found, anonymous);
    }

    private Answer serve(Request request, String method, String path, RouteTable.Found found, Principal principal)
            throws Exception {
        RouteEntry route = found.route();
        request.setAttribute(RequestMetrics.ROUTE_ATTRIBUTE, route.pattern());
        RequestBody.checkMediaType(request);
        if (!route.gate().enter()) {
            // its endpoint is going away: serve from the replacement (parks until it is there)
            if (resolver.lookup(method, path) instanceof RouteTable.Found next && next.route() != route
                    && next.route().permission().isPublic()) {
                return serve(request, method, path, next, principal);
            }
            throw unavailable(route.moduleId());
        }
        try {
            var exchange = receive(request, new ExchangeRequest(request, path, found.params(), principal, reader,
                    maxBodyBytes));
            return writer.render(guard.call(request, route, exchange));
        } finally {
            route.gate().exit();
        }
    }

    /**
     * Reads the body before the handler runs, within the body's own budget: the handler's budget
     * and the module's breaker measure the module, not how fast the client sends.
     */
    private ExchangeRequest receive(Request request, ExchangeRequest exchange) throws Exception {
        if (RequestBody.hasBody(request)) {
            guard.receive(request, () -> {
                exchange.receiveBody();
                return null;
            });
        }
        return exchange;
    }

    /**
     * Jetty drops path parameters ({@code /accounts/1;x}) from the path we route by, so
     * {@code DELETE /accounts/1;} would delete account 1. No route of ours has them: such a path
     * names nothing, and only the raw path shows them.
     */
    private static void refusePathParameters(Request request) {
        String raw = request.getHttpURI().getPath();
        if (raw != null && raw.indexOf(';') >= 0) {
            throw new ApiProblem(404, "not_found", "no route for " + raw + ": paths have no ;parameters");
        }
    }

    private static void authorize(Principal principal, Permission permission) {
        if (!permission.isAuthenticatedOnly() && !permission.isPublic() && !principal.may(permission)) {
            throw new ForbiddenException("you lack the permission " + permission);
        }
    }

    private static ApiProblem unavailable(String module) {
        return ApiProblem.unavailable("module_unavailable", "module " + module + " is not running; retry later");
    }
}
