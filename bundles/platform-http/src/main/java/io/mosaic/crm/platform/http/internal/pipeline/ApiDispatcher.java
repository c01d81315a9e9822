package io.mosaic.crm.platform.http.internal.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.platform.http.internal.error.ErrorMapper;
import io.mosaic.crm.platform.http.internal.json.JsonBodyReader;
import io.mosaic.crm.platform.http.internal.openapi.OpenApiDocument;
import io.mosaic.crm.platform.http.internal.pipeline.ResponseWriter.Answer;
import io.mosaic.crm.platform.http.internal.route.EndpointRegistry;
import io.mosaic.crm.platform.http.internal.route.ModuleCatalog;
import io.mosaic.crm.platform.http.internal.route.RouteEntry;
import io.mosaic.crm.platform.http.internal.route.RouteTable;
import io.mosaic.crm.sdk.error.ForbiddenException;
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
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long maxBodyBytes;

    public ApiDispatcher(ObjectMapper mapper, EndpointRegistry registry, ModuleCatalog modules,
            Supplier<Authenticator> authenticator, long maxBodyBytes) {
        this.registry = registry;
        this.modules = modules;
        this.authenticator = authenticator;
        this.reader = new JsonBodyReader(mapper);
        this.writer = new ResponseWriter(mapper);
        this.openApi = new OpenApiDocument(mapper);
        this.maxBodyBytes = maxBodyBytes;
    }

    public void maxBodyBytes(long bytes) {
        this.maxBodyBytes = bytes;
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
        try {
            principal = authenticate(request);
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
        ResponseWriter.write(response, answer, callback);
        ACCESS.info("{} {} {} {}ms {}", method, path, answer.status(), (System.nanoTime() - start) / 1_000_000,
                principal == null ? "-" : principal.name());
        return true;
    }

    /** The caller, {@link Anonymous#INSTANCE} without credentials; only public routes serve the latter. */
    private Principal authenticate(Request request) {
        Authenticator current = authenticator.get();
        if (current == null) {
            return Anonymous.UNCHECKED;
        }
        return current.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION), Request.getRemoteAddr(request))
                .orElse(Anonymous.INSTANCE);
    }

    private Answer serve(Request request, String method, String path, Principal principal) throws Exception {
        if (principal instanceof Anonymous anonymous) {
            return serveAnonymous(request, method, path, anonymous);
        }
        if (path.equals(OPENAPI)) {
            if (!method.equals("GET")) {
                throw ApiProblem.methodNotAllowed(method, List.of("GET"));
            }
            return new Answer(200, Map.of(), openApi.render(registry.table()));
        }
        RequestBody.checkDeclaredLength(request, maxBodyBytes);
        for (int attempt = 0; attempt < 2; attempt++) {
            RouteTable table = registry.table();
            RouteTable.Lookup lookup = table.lookup(method, path);
            if (lookup instanceof RouteTable.Found found) {
                RouteEntry route = found.route();
                authorize(principal, route.permission());
                RequestBody.checkMediaType(request);
                if (!route.gate().enter()) {
                    continue; // its endpoint is going away: look again in the newer table
                }
                try {
                    var exchange = new ExchangeRequest(request, path, found.params(), principal, reader, maxBodyBytes);
                    return writer.render(route.handler().handle(exchange));
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
            throw ApiProblem.notFound(path);
        }
        throw unavailable(modules.moduleOf(path).map(ModuleDescriptor::id).orElse(path));
    }

    /** Strangers reach public routes only; everything else answers 401 (or 503 before security is up). */
    private Answer serveAnonymous(Request request, String method, String path, Anonymous anonymous) throws Exception {
        RouteTable.Lookup lookup = registry.table().lookup(method, path);
        if (!(lookup instanceof RouteTable.Found found) || !found.route().permission().isPublic()) {
            if (anonymous == Anonymous.UNCHECKED) {
                throw ApiProblem.unavailable("security_unavailable", "authentication is not available yet; retry later");
            }
            throw ApiProblem.unauthorized();
        }
        return serve(request, method, path, found, anonymous);
    }

    private Answer serve(Request request, String method, String path, RouteTable.Found found, Principal principal)
            throws Exception {
        RouteEntry route = found.route();
        RequestBody.checkMediaType(request);
        if (!route.gate().enter()) {
            throw unavailable(route.moduleId());
        }
        try {
            var exchange = new ExchangeRequest(request, path, found.params(), principal, reader, maxBodyBytes);
            return writer.render(route.handler().handle(exchange));
        } finally {
            route.gate().exit();
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
