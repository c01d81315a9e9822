package io.mosaic.crm.platform.http.internal.route;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** An immutable snapshot of every served route; replaced as a whole when endpoints come or go. */
public final class RouteTable {
    public static final RouteTable EMPTY = new RouteTable(List.of(), Set.of());

    private final List<RouteEntry> routes;
    private final Set<String> servedModules;

    public RouteTable(List<RouteEntry> routes, Set<String> servedModules) {
        this.routes = List.copyOf(routes);
        this.servedModules = Set.copyOf(servedModules);
    }

    /** What a request path and method lead to. */
    public sealed interface Lookup {}

    public record Found(RouteEntry route, Map<String, String> params) implements Lookup {}

    public record WrongMethod(List<String> allowed) implements Lookup {}

    public record NoRoute() implements Lookup {}

    public Lookup lookup(String method, String path) {
        String[] segments = RoutePattern.split(path);
        List<RouteEntry> matching = routes.stream().filter(r -> r.pattern().matches(segments)).toList();
        if (matching.isEmpty()) {
            return new NoRoute();
        }
        Optional<RouteEntry> best = matching.stream().filter(r -> r.method().equals(method))
                .min((a, b) -> a.pattern().compareSpecificity(b.pattern()));
        if (best.isPresent()) {
            return new Found(best.get(), best.get().pattern().params(segments));
        }
        return new WrongMethod(matching.stream().map(RouteEntry::method).distinct().sorted().toList());
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
