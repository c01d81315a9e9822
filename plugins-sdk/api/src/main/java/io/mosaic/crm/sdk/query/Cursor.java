package io.mosaic.crm.sdk.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mosaic.crm.sdk.error.BadRequestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The opaque {@code ?after=} token: base64url of {@code {"s":"<sort>","k":[<last row's sort
 * values and id as text>]}}, then a dot and a short digest of that JSON so that an edited cursor
 * is refused. The digest is not a secret: a forged cursor only picks another starting point, and
 * its values are bound parameters like any filter.
 */
final class Cursor {
    static final int MAX_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int DIGEST_BYTES = 9;

    record Position(String sort, List<String> keys) {}

    private Cursor() {}

    static String encode(Position position) {
        ObjectNode node = JSON.createObjectNode();
        node.put("s", position.sort());
        ArrayNode keys = node.putArray("k");
        position.keys().forEach(keys::add);
        byte[] json = node.toString().getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(json) + "." + ENCODER.encodeToString(digest(json));
    }

    static Position decode(String text) {
        if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
            throw invalid();
        }
        int dot = text.indexOf('.');
        try {
            byte[] json = DECODER.decode(text.substring(0, Math.max(dot, 0)));
            byte[] digest = DECODER.decode(text.substring(dot + 1));
            if (dot < 0 || !MessageDigest.isEqual(digest, digest(json))) {
                throw invalid();
            }
            return position(JSON.readTree(json));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid();
        }
    }

    private static Position position(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 2 || !node.path("s").isTextual() || !node.path("k").isArray()) {
            throw invalid();
        }
        List<String> keys = new ArrayList<>();
        for (JsonNode key : node.get("k")) {
            if (key.isNull()) {
                keys.add(null);
            } else if (key.isTextual()) {
                keys.add(key.asText());
            } else {
                throw invalid();
            }
        }
        return new Position(node.get("s").asText(), keys);
    }

    private static byte[] digest(byte[] json) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("mosaic-list-cursor\n".getBytes(StandardCharsets.UTF_8));
            byte[] full = sha.digest(json);
            byte[] out = new byte[DIGEST_BYTES];
            System.arraycopy(full, 0, out, 0, DIGEST_BYTES);
            return out;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static BadRequestException invalid() {
        return new BadRequestException("invalid_cursor", "the after= cursor is not one this list handed out");
    }
}
