package io.mosaic.crm.console.internal;

import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.http.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Static files from the bundle's class path, answered with their media type, a strong ETag (a
 * hash of the content) and {@code Cache-Control: no-cache}, so browsers revalidate cheaply with
 * {@code If-None-Match} and get a {@code 304}. Only plain relative names are served: no {@code ..},
 * no hidden files, nothing outside the web root.
 */
final class StaticAssets {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]{0,100}");
    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private record Asset(byte[] bytes, String contentType, String etag) {}

    private final ClassLoader loader;
    private final String root;
    private final Map<String, Asset> cache = new ConcurrentHashMap<>();

    StaticAssets(ClassLoader loader, String root) {
        this.loader = loader;
        this.root = root;
    }

    Reply serve(String path, String ifNoneMatch) {
        Asset asset = find(path);
        Reply reply = matches(ifNoneMatch, asset.etag())
                ? Reply.content(304, asset.contentType(), new byte[0])
                : Reply.content(200, asset.contentType(), asset.bytes());
        reply.header("ETag", asset.etag()).header("Cache-Control", "no-cache")
                .header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer");
        if (asset.contentType().startsWith("text/html")) {
            reply.header("Content-Security-Policy", CSP).header("X-Frame-Options", "DENY");
        }
        return reply;
    }

    private Asset find(String path) {
        if (path == null || !safe(path)) {
            throw new NotFoundException("file", String.valueOf(path));
        }
        Asset cached = cache.get(path);
        if (cached != null) {
            return cached;
        }
        URL url = loader.getResource(root + path);
        if (url == null) {
            throw new NotFoundException("file", path); // misses are not cached: their names are the caller's
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            Asset asset = new Asset(bytes, MediaTypes.of(path), etag(bytes));
            cache.put(path, asset);
            return asset;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    static boolean safe(String path) {
        return !path.isEmpty() && Arrays.stream(path.split("/", -1)).allMatch(s -> SEGMENT.matcher(s).matches())
                && path.lastIndexOf('.') > path.lastIndexOf('/');
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
