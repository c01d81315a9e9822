package io.mosaic.crm.itests;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Malformed requests for the routes of a live OpenAPI document ({@link FuzzOperation}): bad path parameters and paths,
 * wrong or unknown query parameters, bad headers, and broken bodies. Deterministic for a seed.
 */
final class FuzzRequests {
    record Request(String method, String target, List<String> headers, byte[] body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
            return method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
                    + " " + headers.stream().map(h -> h.length() > 80 ? h.substring(0, 80) + "…" : h).toList()
                    + (body == null ? "" : " body[" + body.length + "]=" + shown);
        }
    }

    private static final Pattern PARAM = Pattern.compile("\\{([^}*]+)\\*?}");
    private static final String[] BAD_IDS = {"1;x", "-1", "0", "99999999999999999999999999", "9223372036854775808",
        "abc", "%00", "%E2%98%83", "%F0%9F%98%80", "1%2F2", "1.5", "1e3", "0x10", "%201", "%D9%A1%D9%A2", "17abc",
        "%zz", "%", "%C0%AF", "%3Cscript%3E", "%27", "%22", "1" + "0".repeat(4000), "+1", "1,2", "%FF%FE"};
    private static final String[] BAD_WORDS = {"x", "%00", "%E2%98%83", "%zz", "a%2Fb", "~", "%20", "x".repeat(3000), "*"};
    private static final String[] BAD_NUMBERS = {"-1", "0", "abc", "1e9", "999999999999999999999", "", "1.5", "%00", "NaN"};
    private static final String[] BAD_QUERIES = {"zzz=1", "limit=1&limit=2", "&&&", "=", "a==b", "%zz=1", "sort=",
        "sort=nope", "sort=-", "sort=--name", "sort=,", "sort=" + "n".repeat(3000), "fields=nope", "fields=,", "after=garbage",
        "after=%00", "after=eyJ4IjoxfQ", "q=%00", "q=" + "q".repeat(5000), "limit=100000000", "limit=-5", "limit=abc",
        "createdAfter=yesterday", "createdBefore=2020-13-45T99:00:00Z", "ownerId=x", "%E2%98%83=%E2%98%83"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/json; charset=latin1", "application/xml",
        "multipart/form-data; boundary=x", "", "application/json;;;", "*/*", "application/x-www-form-urlencoded",
        "application/json; charset=utf-16", "json"};
    private static final String[] IF_MATCHES = {"x", "\"abc\"", "*", "-1", "\"99999999999999999999\"", "W/\"1\"",
        "\"1\", \"2\"", "", "\"" + "9".repeat(2000) + "\"", "\"-1\"", "\"1.5\""};
    private static final String[] BODIES = {"{", "{\"a\":}", "{}x", "{\"name\":\"a\",\"name\":\"b\"}", "null", "[]",
        "\"s\"", "123", "true", "{\"zzz\":1}", "{\"name\":\"\\uD800\"}", "{\"name\":\"a\\u0000b\"}", "{\"n\":1e999999}",
        "{\"n\":-0}", "{\"n\":NaN}", "", " ", "{\"name\":[]}", "{\"name\":{}}", "{'name':'x'}", "{\"id\":1,\"version\":1}",
        "\uFEFF{}", "{\"name\":\"x\"}{\"name\":\"y\"}"};

    private static final String[] CURSOR_SORTS = {"name", "-name", "annualRevenue", "-employees", "createdAt", "-updatedAt",
        "id", "nope", "", "lastName,-id"};
    private static final String[][] CURSOR_KEYS = {{}, {"x"}, {"x", "1"}, {"abc", "abc"}, {null, "1"},
        {"1e400", "99999999999999999999"}, {"2020-13-45T00:00:00Z", "1"}, {"x", "y", "z"}, {"-1", "-1"}, {"1", null}};

    private final Random random;
    /** Per record collection ({@code /api/customers/accounts}), the id of the one record a request may really hit. */
    private final Map<String, String> own;

    FuzzRequests(long seed, Map<String, String> own) {
        this.random = new Random(seed);
        this.own = own;
    }

    /** The caller's own record for a route under {@code <collection>/{id}}, or null. */
    private String ownId(String pattern) {
        for (Map.Entry<String, String> collection : own.entrySet()) {
            if (pattern.startsWith(collection.getKey() + "/{id}")) {
                return collection.getValue();
            }
        }
        return null;
    }

    /**
     * A well-formed request (clean path with the caller's own record, JSON media type) whose query
     * parameters or body carry edge values of the declared types, so that it gets past the parsers
     * to the field checks, the list rules and the database. Its If-Match is left to the caller.
     */
    Request deep(FuzzOperation op) {
        String id = ownId(op.pattern());
        String path = op.pattern().replace("{id}", id != null ? id : op.writes() ? "999999999999" : "1").replaceAll("\\{pid}", "io.mosaic.crm.http")
                .replaceAll("\\{[^}]+}", "x");
        List<String> terms = new ArrayList<>();
        for (Map.Entry<String, String> param : op.query().entrySet()) {
            if (chance(25)) {
                terms.add(param.getKey() + "=" + switch (param.getValue()) {
                    case "integer", "number" -> pick(new String[] {"2147483648", "9223372036854775808", "-0", "1e400", "0"});
                    default -> pick(new String[] {"9999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "1e400", "-1",
                        "%F0%9F%98%80", "a", "99999999999999999999999.99", "2020-02-30T00:00:00Z"});
                });
            }
        }
        if (op.query().containsKey("after") && chance(50)) {
            terms.add("after=" + forgedCursor());
        }
        String target = path + (terms.isEmpty() ? "" : "?" + String.join("&", terms));
        List<String> headers = new ArrayList<>();
        byte[] body = null;
        if (op.writes()) {
            headers.add("Content-Type: application/json");
            body = (op.fields().isEmpty() ? "{}" : edgeValues(op)).getBytes(StandardCharsets.UTF_8);
        }
        return new Request(op.method(), target, headers, body);
    }

    /** A cursor with a valid digest (the digest is no secret) around sort keys a list never handed out. */
    private String forgedCursor() {
        StringBuilder json = new StringBuilder("{\"s\":\"").append(pick(CURSOR_SORTS)).append("\",\"k\":[");
        String[] keys = CURSOR_KEYS[random.nextInt(CURSOR_KEYS.length)];
        for (int i = 0; i < keys.length; i++) {
            json.append(i > 0 ? "," : "").append(keys[i] == null ? "null" : "\"" + keys[i] + "\"");
        }
        byte[] bytes = json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("mosaic-list-cursor\n".getBytes(StandardCharsets.UTF_8));
            byte[] digest = Arrays.copyOf(sha.digest(bytes), 9);
            Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
            return base64.encodeToString(bytes) + "." + base64.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Request next(FuzzOperation op) {
        String method = op.method();
        if (!op.writes() && chance(5)) {
            method = pick(new String[] {"OPTIONS", "TRACE", "FOO", "get", "HEAD"});
        }
        String target = path(op) + query(op);
        List<String> headers = headers(op);
        byte[] body = op.writes() || chance(10) ? body(op) : null;
        return new Request(method, target, headers, body);
    }

    private String path(FuzzOperation op) {
        Matcher m = PARAM.matcher(op.pattern());
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value;
            if (name.equals("pid")) {
                value = chance(50) ? "io.mosaic.crm.http" : pick(BAD_WORDS);
            } else if (name.toLowerCase(Locale.ROOT).endsWith("id")) {
                String mine = op.method().equals("DELETE") ? null : ownId(op.pattern()); // keep the fixtures
                value = mine != null && chance(35) ? mine : pick(BAD_IDS);
            } else {
                value = pick(BAD_WORDS);
            }
            m.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        m.appendTail(path);
        String p = path.toString();
        switch (random.nextInt(op.writes() ? 10 : 14)) {
            case 0 -> p = p + "/";
            case 1 -> p = p + "/" + pick(BAD_WORDS);
            case 2 -> p = p.replaceFirst("/", "//");
            case 3 -> p = p.toUpperCase(Locale.ROOT);
            case 10 -> p = p + "/..";
            case 11 -> p = p + "/%2e%2e/%2e%2e";
            case 12 -> p = "/api/" + pick(BAD_WORDS) + p;
            case 13 -> p = p + "%E2%98";
            default -> { }
        }
        return p;
    }

    private String query(FuzzOperation op) {
        List<String> terms = new ArrayList<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (!op.query().isEmpty() && chance(50)) {
                String name = pick(op.query().keySet().toArray(String[]::new));
                String type = op.query().get(name);
                terms.add(name + "=" + (type.equals("integer") || type.equals("number") ? pick(BAD_NUMBERS) : pick(BAD_WORDS)));
            } else {
                terms.add(pick(BAD_QUERIES));
            }
        }
        return terms.isEmpty() ? "" : "?" + String.join("&", terms);
    }

    private List<String> headers(FuzzOperation op) {
        List<String> headers = new ArrayList<>();
        if (op.writes() || chance(20)) {
            headers.add("Content-Type: " + (chance(40) ? "application/json" : pick(CONTENT_TYPES)));
        }
        if (op.method().equals("PATCH") || op.method().equals("DELETE") || chance(5)) {
            headers.add("If-Match: " + pick(IF_MATCHES));
        }
        switch (random.nextInt(12)) {
            case 0 -> headers.add("X-Fuzz: " + "h".repeat(random.nextBoolean() ? 9_000 : 70_000));
            case 1 -> {
                for (int i = 0; i < 150; i++) {
                    headers.add("X-Many-" + i + ": " + i);
                }
            }
            case 2 -> headers.add("Accept: " + pick(new String[] {"text/html", "application/xml", "*/*;q=x", "", "\u00ff\u00fe"}));
            case 3 -> headers.add("X-Odd: caf\u00e9 \u2603");
            case 4 -> headers.add("Accept-Charset: utf-99");
            default -> { }
        }
        return headers;
    }

    private byte[] body(FuzzOperation op) {
        switch (random.nextInt(9)) {
            case 0 -> {
                return "[".repeat(20 + random.nextInt(100_000)).getBytes(StandardCharsets.UTF_8);
            }
            case 1 -> {
                return ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            }
            case 2 -> {
                return ("{\"name\":\"" + "a".repeat(random.nextBoolean() ? 70_000 : 1_500_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                return new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'};
            }
            case 4 -> {
                if (!op.fields().isEmpty()) {
                    return wrongTypes(op.fields()).getBytes(StandardCharsets.UTF_8);
                }
            }
            case 5, 6, 7 -> {
                if (!op.fields().isEmpty()) {
                    return edgeValues(op).getBytes(StandardCharsets.UTF_8);
                }
            }
            default -> { }
        }
        return pick(BODIES).getBytes(StandardCharsets.UTF_8);
    }

    /** Every field of the body with a value of another type than declared (and one unknown field). */
    private String wrongTypes(Map<String, JsonNode> fields) {
        StringBuilder body = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
            String value = switch (field.getValue().path("type").asText("string")) {
                case "string" -> pick(new String[] {"123", "true", "[]", "{}", "1e400"});
                case "integer", "number" -> pick(new String[] {"\"12\"", "true", "1.5e400", "99999999999999999999999", "[1]"});
                case "boolean" -> pick(new String[] {"\"true\"", "1", "null"});
                default -> pick(new String[] {"\"x\"", "1", "false", "{\"deep\":[[[[]]]]}"});
            };
            body.append('"').append(field.getKey()).append("\":").append(value).append(',');
        }
        return body.append("\"zzUnknown\":1}").toString();
    }

    /**
     * Values of the declared JSON type at the edges: too long, out of range, odd scale, impossible
     * dates, control characters, 4-byte characters. No unknown field, so such a body reaches the
     * field checks and the database; some are valid and create records.
     */
    private String edgeValues(FuzzOperation op) {
        StringBuilder body = new StringBuilder("{");
        for (Map.Entry<String, JsonNode> field : op.fields().entrySet()) {
            if (!op.required().contains(field.getKey()) && chance(50)) {
                continue;
            }
            JsonNode schema = field.getValue();
            String format = schema.path("format").asText("");
            String value = switch (schema.path("type").asText("string")) {
                case "integer" -> pick(new String[] {"2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                    "-1", "0", "1.0", "1e2", "-0"});
                case "number" -> pick(new String[] {"1e308", "-1e308", "1e-320", "99999999999999999999999.99", "0.001", "-1"});
                case "boolean" -> pick(new String[] {"true", "false"});
                default -> switch (format) {
                    case "decimal" -> pick(new String[] {"\"1e400\"", "\"-1\"", "\"0.001\"", "\"99999999999999999999999.99\"",
                        "\"NaN\"", "\"Infinity\"", "\"1,5\"", "\" 1\"", "\"1e5\"", "\"0x10\"", "\"999999999999999.9999\""});
                    case "date-time" -> pick(new String[] {"\"2020-02-30T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"",
                        "\"0000-01-01T00:00:00Z\"", "\"+10000-01-01T00:00:00Z\"", "\"2020-01-01T00:00:00+25:00\"", "\"-1\""});
                    case "date" -> pick(new String[] {"\"2020-02-30\"", "\"9999-12-31\"", "\"0000-01-01\"", "\"+10000-01-01\""});
                    default -> pick(new String[] {"\"\"", "\" \"", "\"" + "a".repeat(201) + "\"", "\"" + "\uD83D\uDE00".repeat(150) + "\"",
                        "\"" + "\u00e9".repeat(199) + "\"", "\"\\u0000\"", "\"\\t\\n\"", "\"'; DROP TABLE x; --\"", "\"%s%n\"",
                        "\"\u202E\uFFFF\"", "\"a@b\"", "\"@\"", "\"" + "a".repeat(300) + "@x.com\"", "\"XX\"", "\"us\"",
                        "\"http://\"", "\"javascript:alert(1)\"", "\"" + "\\u00e9".repeat(5000) + "\""});
                };
            };
            body.append('"').append(field.getKey()).append("\":").append(value).append(',');
        }
        if (body.length() > 1) {
            body.setLength(body.length() - 1);
        }
        return body.append('}').toString();
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }
}
