package io.mosaic.crm.itests;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mosaic.crm.testkit.MosaicResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Talks to Mosaic as the console's page script would: signs in through {@code /api/security/session},
 * keeps the session cookie by hand (so tests can see and replay it) and the CSRF token.
 */
final class SecurityBrowser {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    String cookie;
    String csrfToken;

    SecurityBrowser(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    MosaicResponse login(String user, String password) {
        var r = send("POST", "/api/security/session",
                "{\"username\":" + JSON.valueToTree(user) + ",\"password\":" + JSON.valueToTree(password) + "}",
                Map.of());
        String setCookie = r.header("Set-Cookie");
        if (r.status() == 200 && setCookie != null) {
            cookie = setCookie.substring(0, setCookie.indexOf(';'));
            csrfToken = r.json().path("csrfToken").asText();
        }
        return r;
    }

    /** A request with the cookie and, for state-changing methods, the CSRF token. */
    MosaicResponse call(String method, String path, String json) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!method.equals("GET") && csrfToken != null) {
            headers.put("X-CSRF-Token", csrfToken);
        }
        return send(method, path, json, headers);
    }

    MosaicResponse send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (cookie != null && !headers.containsKey("Cookie")) {
            b.header("Cookie", cookie);
        }
        b.header("Sec-Fetch-Mode", "cors");
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new MosaicResponse(r.statusCode(), r.body(), r.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> all(MosaicResponse r, String header) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(header))
                .flatMap(e -> e.getValue().stream()).toList();
    }
}
