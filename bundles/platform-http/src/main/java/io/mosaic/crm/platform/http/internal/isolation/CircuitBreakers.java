package io.mosaic.crm.platform.http.internal.isolation;

import io.mosaic.crm.platform.http.internal.error.ApiProblem;
import io.mosaic.crm.sdk.error.NotFoundException;
import io.mosaic.crm.sdk.module.ModuleDescriptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link CircuitBreaker} per module, created when the module's first endpoint arrives (or its first request). */
public final class CircuitBreakers {
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private volatile CircuitBreaker.Settings settings;

    public CircuitBreakers(CircuitBreaker.Settings settings) {
        this.settings = settings;
    }

    public void settings(CircuitBreaker.Settings settings) {
        this.settings = settings;
    }

    public CircuitBreaker.Settings settings() {
        return settings;
    }

    /** A (new version of a) module's endpoint was published: it starts with a closed breaker. */
    public void arrived(ModuleDescriptor module) {
        CircuitBreaker previous = breakers.put(module.id(), new CircuitBreaker(module.id(), module.core()));
        if (previous != null && previous.state() != CircuitBreaker.State.CLOSED) {
            previous.reset("module replaced");
        }
    }

    CircuitBreaker of(String moduleId) {
        CircuitBreaker breaker = breakers.get(moduleId); // the common case takes no lock
        return breaker != null ? breaker : breakers.computeIfAbsent(moduleId, id -> new CircuitBreaker(id, false));
    }

    /** Lets a request of the module through, or answers 503 {@code circuit_open} at once. */
    CircuitBreaker enter(String moduleId) {
        CircuitBreaker breaker = of(moduleId);
        if (!breaker.allow(settings)) {
            long seconds = Math.max(1, (breaker.retryAfterMillis() + 999) / 1000);
            throw new ApiProblem(503, "circuit_open", "module " + moduleId
                    + " failed repeatedly and is paused; an administrator can reset it", List.of(),
                    Map.of("Retry-After", String.valueOf(seconds)));
        }
        return breaker;
    }

    /**
     * Closes a module's breaker by hand.
     *
     * @throws NotFoundException if no such module has served requests
     */
    public Map<String, Object> reset(String moduleId, String who) {
        CircuitBreaker breaker = Optional.ofNullable(breakers.get(moduleId))
                .orElseThrow(() -> new NotFoundException("module", moduleId));
        breaker.reset("reset by " + who);
        return breaker.facts();
    }

    public Map<String, Object> facts(String moduleId) {
        return Optional.ofNullable(breakers.get(moduleId)).map(CircuitBreaker::facts)
                .orElseThrow(() -> new NotFoundException("module", moduleId));
    }

    /** Every breaker's state, by module id. */
    public Map<String, Object> facts() {
        Map<String, Object> all = new TreeMap<>();
        breakers.forEach((id, breaker) -> all.put(id, breaker.facts()));
        return all;
    }
}
