package io.mosaic.crm.platform.security.internal.login;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Who the client really is: the connection's peer, unless that peer is a trusted reverse proxy,
 * whose {@code X-Forwarded-For} (last entry: the address the proxy itself saw) and
 * {@code X-Forwarded-Proto} are then believed. Nobody else can fake either.
 */
public final class ClientOrigin {
    private volatile Set<String> trustedProxies = Set.of();

    /** The client's address and whether it reached us (or the proxy) over TLS. */
    public record Client(String address, boolean secure) {
    }

    public void trust(Set<String> proxies) {
        trustedProxies = Set.copyOf(proxies);
    }

    public Client of(Function<String, Optional<String>> header, String peer, boolean secure) {
        if (!trustedProxies.contains(peer)) {
            return new Client(peer, secure);
        }
        String address = header.apply("X-Forwarded-For").map(ClientOrigin::lastEntry).orElse(peer);
        boolean https = secure || header.apply("X-Forwarded-Proto").map(p -> p.trim().equalsIgnoreCase("https"))
                .orElse(false);
        return new Client(address, https);
    }

    private static String lastEntry(String list) {
        String[] parts = list.split(",");
        String last = parts[parts.length - 1].trim();
        return last.isEmpty() || last.length() > 64 ? "invalid" : last;
    }
}
