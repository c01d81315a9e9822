package io.mosaic.crm.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Talks HTTP to a running Mosaic over a real socket, as one user (HTTP Basic) or anonymously.
 * Bodies are JSON text: {@code client.post("/api/loyalty/accounts/1/awards", "{\"points\":5}")}.
 * Each client has its own connections, so a connection the server closed after an error in one test
 * is never reused by another.
 */
public final class MosaicClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String authorization;

    MosaicClient(String baseUrl, String user, String password) {
        this.baseUrl = baseUrl;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** A client of the Mosaic at {@code baseUrl} (e.g. {@code http://127.0.0.1:8080}), with Basic credentials or none (null user). */
    public static MosaicClient of(String baseUrl, String user, String password) {
        return new MosaicClient(baseUrl, user, password);
    }

    /** {@code GET path}. */
    public MosaicResponse get(String path) {
        return send("GET", path, null, Map.of());
    }

    public MosaicResponse post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    public MosaicResponse put(String path, String json) {
        return send("PUT", path, json, Map.of());
    }

    public MosaicResponse patch(String path, String json, String ifMatch) {
        return send("PATCH", path, json, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
    }

    public MosaicResponse delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Any request; a JSON body gets {@code Content-Type: application/json} unless given. */
    public MosaicResponse send(String method, String path, String body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        if (body != null) {
            all.putIfAbsent("Content-Type", "application/json");
        }
        return sendRaw(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), all);
    }

    /** Any request with a body of raw bytes (or none), sent with exactly the given headers. */
    public MosaicResponse sendRaw(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new MosaicResponse(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
