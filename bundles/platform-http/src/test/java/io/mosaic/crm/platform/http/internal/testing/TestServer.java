package io.mosaic.crm.platform.http.internal.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.platform.http.internal.jetty.EmbeddedJetty;
import io.mosaic.crm.platform.http.internal.jetty.JsonErrorHandler;
import io.mosaic.crm.platform.http.internal.jetty.ServerSettings;
import io.mosaic.crm.platform.http.internal.json.StrictJson;
import io.mosaic.crm.platform.http.internal.pipeline.ApiDispatcher;
import io.mosaic.crm.platform.http.internal.route.EndpointRegistry;
import io.mosaic.crm.platform.http.internal.route.ModuleCatalog;
import io.mosaic.crm.sdk.http.Endpoint;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import io.mosaic.crm.sdk.security.Authenticator;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The HTTP layer as the DS component wires it, minus OSGi: a real Jetty on a free port, the
 * route registry, the module catalog and a test authenticator. Modules are declared by hand.
 */
public final class TestServer implements AutoCloseable {
    public static final ObjectMapper JSON = StrictJson.newMapper();

    public final EndpointRegistry registry;
    public final ModuleCatalog catalog = new ModuleCatalog();
    public final ApiDispatcher dispatcher;
    public final EmbeddedJetty jetty;
    public final AtomicReference<Authenticator> authenticator = new AtomicReference<>(new TestAuthenticator());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong ids = new AtomicLong();

    public TestServer() throws Exception {
        this(new ServerSettings("127.0.0.1", 0, 4, 50, 30_000, 5_000), 1024);
    }

    public TestServer(ServerSettings settings, long maxBodyBytes) throws Exception {
        registry = new EndpointRegistry(settings.drainTimeoutMillis());
        dispatcher = new ApiDispatcher(JSON, registry, catalog, authenticator::get, maxBodyBytes);
        jetty = new EmbeddedJetty(settings, dispatcher, new JsonErrorHandler(JSON));
        jetty.start();
    }

    public static ModuleDescriptor module(String id) {
        return ModuleDescriptor.parse(id, "1.0.0");
    }

    /** Declares an installed module (as the bundle tracker would) and registers its endpoint. */
    public long serve(String moduleId, Endpoint endpoint) {
        catalog.put(moduleId.hashCode(), module(moduleId));
        long key = ids.incrementAndGet();
        if (!registry.add(key, module(moduleId), endpoint)) {
            throw new IllegalStateException("endpoint rejected");
        }
        return key;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + jetty.port() + path);
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20));
        return user == null ? builder : builder.header("Authorization", TestAuthenticator.basic(user));
    }

    public HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send(request(path, user).GET().build());
    }

    public HttpResponse<String> sendJson(String method, String path, String user, String json)
            throws IOException, InterruptedException {
        return send(request(path, user).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Override
    public void close() throws Exception {
        jetty.stop();
        dispatcher.guard().close();
    }
}
