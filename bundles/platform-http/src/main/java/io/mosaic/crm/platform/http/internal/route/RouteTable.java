package io.mosaic.crm.platform.http.internal.route;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** An immutable snapshot of every served route; replaced as a whole when endpoints come or go. */
public final class RouteTable {
    public static final RouteTable EMPTY = new RouteTable(List.of(), Set.of());

    private final List<RouteEntry> routes;
    private final Set<String> servedModules;
    /** Routes by their first two literal segments ({@code api/customers}); looked up on every request. */
    private final Map<String, RouteEntry[]> byLeadingLiterals;
    /** Routes a parameter starts within their first two segments: checked for every path. */
    private final RouteEntry[] elsewhere;

    public RouteTable(List<RouteEntry> routes, Set<String> servedModules) {
        this.routes = List.copyOf(routes);
        this.servedModules = Set.copyOf(servedModules);
        Map<String, List<RouteEntry>> index = new HashMap<>();
        List<RouteEntry> rest = new ArrayList<>();
        for (RouteEntry route : this.routes) {
            String key = route.pattern().leadingLiterals();
            if (key == null) {
                rest.add(route);
            } else {
                index.computeIfAbsent(key, k -> new ArrayList<>()).add(route);
            }
        }
        Map<String, RouteEntry[]> frozen = new HashMap<>();
        index.forEach((key, list) -> frozen.put(key, list.toArray(RouteEntry[]::new)));
        this.byLeadingLiterals = Map.copyOf(frozen);
        this.elsewhere = rest.toArray(RouteEntry[]::new);
    }

    /** What a request path and method lead to. */
    public sealed interface Lookup {}

    public record Found(RouteEntry route, Map<String, String> params) implements Lookup {}

    public record WrongMethod(List<String> allowed) implements Lookup {}

    public record NoRoute() implements Lookup {}

    /** {@code HEAD} finds the {@code GET} route (RFC 9110 §9.3.2); the answer is written without its body. */
    public Lookup lookup(String requestMethod, String path) {
        String method = requestMethod.equals("HEAD") ? "GET" : requestMethod;
        String[] segments = RoutePattern.split(path);
        RouteEntry[] indexed = segments.length < 2 ? null : byLeadingLiterals.get(segments[0] + "/" + segments[1]);
        RouteEntry best = null;
        boolean anyMatch = false;
        for (RouteEntry[] candidates : new RouteEntry[][] {indexed, elsewhere}) {
            if (candidates == null) {
                continue;
            }
            for (RouteEntry route : candidates) {
                if (!route.pattern().matches(segments)) {
                    continue;
                }
                anyMatch = true;
                if (route.method().equals(method)
                        && (best == null || route.pattern().compareSpecificity(best.pattern()) < 0)) {
                    best = route;
                }
            }
        }
        if (best != null) {
            return new Found(best, best.pattern().params(segments));
        }
        if (!anyMatch) {
            return new NoRoute();
        }
        Set<String> allowed = new TreeSet<>();
        for (RouteEntry route : routes) {
            if (route.pattern().matches(segments)) {
                allowed.add(route.method());
            }
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        return new WrongMethod(List.copyOf(allowed));
    }

    /** Whether a module currently has at least one registered endpoint. */
    public boolean serves(String moduleId) {
        return servedModules.contains(moduleId);
    }

    /** The first route of this table that clashes with one of {@code candidates}. */
    public Optional<String> clashWith(List<RouteEntry> candidates) {
        for (int i = 0; i < candidates.size(); i++) {
            RouteEntry candidate = candidates.get(i);
            for (RouteEntry existing : routes) {
                if (existing.clashesWith(candidate)) {
                    return Optional.of(candidate + " clashes with " + existing);
                }
            }
            for (RouteEntry sibling : candidates.subList(0, i)) {
                if (sibling.clashesWith(candidate)) {
                    return Optional.of(candidate + " is declared twice");
                }
            }
        }
        return Optional.empty();
    }

    /** All routes, ordered by path then method, for documentation. */
    public List<RouteEntry> routes() {
        return routes.stream().sorted(Comparator.comparing((RouteEntry r) -> r.pattern().toString())
                .thenComparing(RouteEntry::method)).toList();
    }
}
