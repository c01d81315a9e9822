package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.token.TokenText;
import io.mosaic.crm.platform.security.internal.user.SecurityChangeListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Remembers the principal of a verified API token for a short time, so that a Bearer request
 * needs no SQL. Keyed by the token's prefix and the SHA-256 of its secret (the secret itself is
 * never kept). An entry never outlives the token's expiry, and is dropped at once when the token
 * is revoked or its owner, any role or field rule changes. Reads take no lock; the size bound is
 * enforced when storing.
 */
public final class TokenCache implements SecurityChangeListener {
    private final Clock clock;
    private final int maxEntries;
    private final Map<String, Slot> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile Duration ttl;

    private record Slot(Cached cached, Instant until) {
    }

    /** A verified token: whom it signs in, and when its use was last recorded. */
    public static final class Cached {
        private final UserPrincipal principal;
        private final long tokenId;
        private final String prefix;
        private final AtomicReference<Instant> lastUsed;

        public Cached(UserPrincipal principal, long tokenId, String prefix, Instant lastUsed) {
            this.principal = principal;
            this.tokenId = tokenId;
            this.prefix = prefix;
            this.lastUsed = new AtomicReference<>(lastUsed);
        }

        public String prefix() {
            return prefix;
        }

        public UserPrincipal principal() {
            return principal;
        }

        public long tokenId() {
            return tokenId;
        }

        /** True for exactly one caller once {@code interval} has passed since the recorded use. */
        boolean claimUse(Instant now, Duration interval) {
            Instant last = lastUsed.get();
            return (last == null || !now.isBefore(last.plus(interval))) && lastUsed.compareAndSet(last, now);
        }
    }

    public TokenCache(Clock clock, Duration ttl, int maxEntries) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
    }

    /** Applies a new lifetime to new entries; zero turns caching off and forgets all at once. */
    public void ttl(Duration ttl) {
        this.ttl = ttl;
        if (ttl.isZero()) {
            forgetAll();
        }
    }

    public Optional<Cached> find(TokenText token) {
        String k = keyOf(token);
        Slot slot = entries.get(k);
        if (slot != null && clock.instant().isBefore(slot.until)) {
            hits.increment();
            return Optional.of(slot.cached);
        }
        if (slot != null) {
            entries.remove(k, slot);
        }
        misses.increment();
        return Optional.empty();
    }

    /** A ticket to take before reading the token; {@link #put} ignores entries read before a change. */
    public long ticket() {
        return generation.get();
    }

    /**
     * Remembers a verified token until the lifetime ends or the token expires (null: never),
     * whichever comes first.
     */
    public void put(TokenText token, Cached cached, Instant expiresAt, long ticket) {
        Duration lifetime = ttl;
        if (lifetime.isZero() || ticket != generation.get()) {
            return;
        }
        Instant until = clock.instant().plus(lifetime);
        if (expiresAt != null && expiresAt.isBefore(until)) {
            until = expiresAt;
        }
        if (entries.size() >= maxEntries) {
            makeRoom();
        }
        String k = keyOf(token);
        Slot slot = new Slot(cached, until);
        entries.put(k, slot);
        if (ticket != generation.get()) {
            entries.remove(k, slot);
        }
    }

    /** The token was revoked: forget it at once. */
    @Override
    public void tokenRevoked(long tokenId) {
        generation.incrementAndGet();
        entries.values().removeIf(s -> s.cached.tokenId == tokenId);
    }

    @Override
    public void userChanged(long userId) {
        generation.incrementAndGet();
        entries.values().removeIf(s -> s.cached.principal.userId() == userId);
    }

    @Override
    public void rolesChanged() {
        forgetAll();
    }

    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    /** Drops expired entries; if still full, drops a tenth of the rest (whichever come first). */
    private void makeRoom() {
        Instant now = clock.instant();
        entries.values().removeIf(s -> !now.isBefore(s.until));
        if (entries.size() < maxEntries) {
            return;
        }
        Iterator<Slot> it = entries.values().iterator();
        for (int drop = Math.max(1, maxEntries / 10); drop > 0 && it.hasNext(); drop--) {
            it.next();
            it.remove();
        }
    }

    private static String keyOf(TokenText token) {
        return token.prefix() + ':' + Base64.getEncoder().encodeToString(token.secretSha256());
    }
}
