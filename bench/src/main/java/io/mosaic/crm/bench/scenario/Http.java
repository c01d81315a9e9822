package io.mosaic.crm.bench.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Single requests for preparing a scenario (not for load). */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** A non-2xx answer, with its status, so callers can tell "no such API" (404) from a failure. */
    static final class Status extends IllegalStateException {
        final int code;

        Status(String what, int code, String body) {
            super(what + " answered " + code + ": " + body);
            this.code = code;
        }
    }

    /** GET, expecting 200; returns the body. */
    static byte[] get(String url, String authorization) throws IOException, InterruptedException {
        return send("GET", url, authorization, null);
    }

    /** GET a JSON document, expecting 200. */
    static JsonNode getJson(String url, String authorization) throws IOException, InterruptedException {
        return JSON.readTree(get(url, authorization));
    }

    /** POST/PATCH/... a JSON body, expecting 2xx; returns the answer as JSON (empty object for none). */
    static JsonNode sendJson(String method, String url, String authorization, Object body)
            throws IOException, InterruptedException {
        byte[] answer = send(method, url, authorization, JSON.writeValueAsBytes(body));
        return answer.length == 0 ? JSON.createObjectNode() : JSON.readTree(answer);
    }

    private static byte[] send(String method, String url, String authorization, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        HttpResponse<byte[]> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() / 100 != 2 || (method.equals("GET") && r.statusCode() != 200)) {
            throw new Status(method + " " + url, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        }
        return r.body();
    }
}
