package io.mosaic.crm.platform.security.internal;

import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import io.mosaic.crm.platform.security.internal.password.Argon2Slots;
import io.mosaic.crm.platform.security.internal.password.Argon2idHasher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The password checker's figures as gauges in platform-monitoring's registry, read live:
 * {@code security.password.verifications} (Argon2 verifications computed), {@code .coalesced}
 * (answered by an identical one in flight), {@code .computations} (all Argon2 runs, hashing
 * included), {@code .waits} (callers that found no free slot), {@code .rejections} (turned away
 * busy), {@code .active} and {@code .slots}. Also the same figures for {@code RuntimeFacts}.
 */
final class PasswordMeters {
    private static final Map<String, Function<Argon2idHasher, Number>> FIGURES = figures();

    private final Argon2idHasher hasher;
    private MetricRegistry bound;

    PasswordMeters(Argon2idHasher hasher) {
        this.hasher = hasher;
    }

    private static Map<String, Function<Argon2idHasher, Number>> figures() {
        Map<String, Function<Argon2idHasher, Number>> figures = new LinkedHashMap<>();
        figures.put("verifications", Argon2idHasher::verifications);
        figures.put("coalesced", Argon2idHasher::coalesced);
        figures.put("computations", h -> h.slots().computations());
        figures.put("waits", h -> h.slots().waits());
        figures.put("rejections", h -> h.slots().rejections());
        figures.put("active", h -> h.slots().active());
        figures.put("slots", h -> h.slots().permits());
        return figures;
    }

    static Map<String, Object> facts(Argon2idHasher hasher) {
        Map<String, Object> facts = new LinkedHashMap<>();
        FIGURES.forEach((name, read) -> facts.put(name, read.apply(hasher)));
        Argon2Slots slots = hasher.slots();
        facts.put("peakActive", slots.peakActive());
        facts.put("waitMillis", slots.waitMillis());
        return facts;
    }

    synchronized void bind(MetricRegistry registry) {
        if (bound != null) {
            unbind(bound);
        }
        FIGURES.forEach((name, read) -> {
            registry.remove(metric(name));
            registry.register(metric(name), (Gauge<Number>) () -> read.apply(hasher));
        });
        bound = registry;
    }

    synchronized void unbind(MetricRegistry registry) {
        if (registry != bound) {
            return;
        }
        FIGURES.keySet().forEach(name -> registry.remove(metric(name)));
        bound = null;
    }

    synchronized void unbindAll() {
        if (bound != null) {
            unbind(bound);
        }
    }

    private static String metric(String name) {
        return "security.password." + name;
    }
}
