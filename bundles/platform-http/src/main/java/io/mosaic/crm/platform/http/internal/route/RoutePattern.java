package io.mosaic.crm.platform.http.internal.route;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A full route path such as {@code /api/customers/accounts/{id}}: literal segments and named
 * parameters, each standing for exactly one non-empty path segment. The last segment may be a
 * tail parameter {@code {path*}} that stands for one or more remaining segments (static files).
 */
public final class RoutePattern {
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");
    private static final Pattern PARAM = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9_]*)(\\*?)}");

    private final String text;
    private final String[] segments;
    private final String[] params; // parameter name per segment, null for literals
    private final boolean tail; // the last parameter takes every remaining segment

    private RoutePattern(String text, String[] segments, String[] params, boolean tail) {
        this.text = text;
        this.segments = segments;
        this.params = params;
        this.tail = tail;
    }

    /**
     * @param basePath the module's base path, e.g. {@code /api/customers}
     * @param pattern the route's pattern relative to it; empty or {@code /} for the base path itself
     * @throws IllegalArgumentException if the pattern is malformed
     */
    public static RoutePattern of(String basePath, String pattern) {
        if (pattern == null || !(pattern.isEmpty() || pattern.startsWith("/"))) {
            throw new IllegalArgumentException("route pattern must start with '/': " + pattern);
        }
        String base = basePath.equals("/") ? "" : basePath; // a root module declares absolute routes
        String full = pattern.isEmpty() || pattern.equals("/") ? basePath : base + pattern;
        String[] segments = split(full);
        String[] params = new String[segments.length];
        Set<String> seen = new HashSet<>();
        boolean tail = false;
        for (int i = 0; i < segments.length; i++) {
            var param = PARAM.matcher(segments[i]);
            if (param.matches()) {
                params[i] = param.group(1);
                if (!param.group(2).isEmpty()) {
                    if (i != segments.length - 1) {
                        throw new IllegalArgumentException("a tail parameter must be the last segment: " + full);
                    }
                    tail = true;
                }
                if (!seen.add(params[i])) {
                    throw new IllegalArgumentException("path parameter {" + params[i] + "} appears twice in " + full);
                }
            } else if (!LITERAL.matcher(segments[i]).matches()) {
                throw new IllegalArgumentException("bad segment '" + segments[i] + "' in route pattern " + full);
            }
        }
        return new RoutePattern(full, segments, params, tail);
    }

    /** Splits a path into its segments; {@code /a/b} gives {@code [a, b]}, a trailing slash an empty last one. */
    public static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    public boolean matches(String[] path) {
        if (tail ? path.length < segments.length : path.length != segments.length) {
            return false;
        }
        if (tail && !trailingSlashOnly(path)
                && java.util.Arrays.stream(path, segments.length - 1, path.length).anyMatch(String::isEmpty)) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            boolean directory = tail && i == segments.length - 1 && trailingSlashOnly(path);
            if (params[i] == null ? !segments[i].equals(path[i]) : path[i].isEmpty() && !directory) {
                return false;
            }
        }
        return true;
    }

    /** The parameter values of a path this pattern {@link #matches}. */
    public Map<String, String> params(String[] path) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            if (params[i] != null) {
                boolean rest = tail && i == segments.length - 1;
                values.put(params[i], rest ? String.join("/", java.util.Arrays.copyOfRange(path, i, path.length)) : path[i]);
            }
        }
        return values;
    }

    public List<String> paramNames() {
        List<String> names = new ArrayList<>();
        for (String param : params) {
            if (param != null) {
                names.add(param);
            }
        }
        return names;
    }

    /** Whether both patterns match the same paths (parameter names aside). */
    public boolean sameShapeAs(RoutePattern other) {
        if (other.segments.length != segments.length || other.tail != tail) {
            return false;
        }
        for (int i = 0; i < segments.length; i++) {
            boolean bothParams = params[i] != null && other.params[i] != null;
            boolean sameLiteral = params[i] == null && other.params[i] == null && segments[i].equals(other.segments[i]);
            if (!bothParams && !sameLiteral) {
                return false;
            }
        }
        return true;
    }

    /** Negative if this pattern is more specific: a literal segment wins over a parameter at the first difference. */
    public int compareSpecificity(RoutePattern other) {
        for (int i = 0; i < Math.min(segments.length, other.segments.length); i++) {
            boolean mine = params[i] == null;
            boolean theirs = other.params[i] == null;
            if (mine != theirs) {
                return mine ? -1 : 1;
            }
        }
        return Boolean.compare(tail, other.tail); // a fixed length wins over a tail
    }

    /** {@code /console/} against {@code /console/{path*}}: the tail is the directory itself, an empty value. */
    private boolean trailingSlashOnly(String[] path) {
        return path.length == segments.length && path[path.length - 1].isEmpty();
    }

    /**
     * The first two segments joined by {@code /} when both are literals (and not the tail), else
     * {@code null}: every path this pattern matches starts with them, so the table can index by them.
     */
    String leadingLiterals() {
        if (segments.length < 2 || params[0] != null || params[1] != null) {
            return null;
        }
        return segments[0] + "/" + segments[1];
    }

    public boolean hasTail() {
        return tail;
    }

    @Override
    public String toString() {
        return text;
    }
}
