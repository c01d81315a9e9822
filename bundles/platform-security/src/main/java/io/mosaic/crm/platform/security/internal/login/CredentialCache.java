package io.mosaic.crm.platform.security.internal.login;

import io.mosaic.crm.platform.security.internal.user.SecurityChangeListener;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers successful password verifications for a short time, so that HTTP Basic clients do
 * not pay for Argon2 on every request. Entries are keyed by an HMAC-SHA256 of name and password
 * under a key that lives only in this process: the password itself is never kept. Bounded (least
 * recently used entries go first) and emptied for a user as soon as that user changes.
 */
public final class CredentialCache implements SecurityChangeListener {
    private final Clock clock;
    private final int maxEntries;
    private final SecretKeySpec key;
    private final Map<String, Entry> entries;
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private volatile Duration ttl;

    private record Entry(UserPrincipal principal, Instant storedAt) {
    }

    public CredentialCache(Clock clock, Duration ttl, int maxEntries, SecureRandom random) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > CredentialCache.this.maxEntries;
            }
        };
    }

    /** Applies a new lifetime at once, also to entries already stored; zero turns caching off. */
    public void ttl(Duration ttl) {
        this.ttl = ttl;
        if (ttl.isZero()) {
            forgetAll();
        }
    }

    public Optional<UserPrincipal> find(String name, String password) {
        String k = keyOf(name, password);
        Instant now = clock.instant();
        synchronized (entries) {
            Entry entry = entries.get(k);
            if (entry != null && now.isBefore(entry.storedAt().plus(ttl))) {
                hits.increment();
                return Optional.of(entry.principal());
            }
            if (entry != null) {
                entries.remove(k);
            }
        }
        misses.increment();
        return Optional.empty();
    }

    /**
     * A ticket to take before reading what will be cached; {@link #put} drops the entry if any
     * user changed since, as it may have been read before the change.
     */
    public long ticket() {
        return generation.get();
    }

    public void put(String name, String password, UserPrincipal principal, long ticket) {
        if (ttl.isZero()) {
            return;
        }
        String k = keyOf(name, password);
        synchronized (entries) {
            if (ticket == generation.get()) {
                entries.put(k, new Entry(principal, clock.instant()));
            }
        }
    }

    @Override
    public void userChanged(long userId) {
        synchronized (entries) {
            generation.incrementAndGet();
            entries.values().removeIf(e -> e.principal().userId() == userId);
        }
    }

    @Override
    public void rolesChanged() {
        forgetAll();
    }

    public void forgetAll() {
        synchronized (entries) {
            generation.incrementAndGet();
            entries.clear();
        }
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    public long hits() {
        return hits.sum();
    }

    public long misses() {
        return misses.sum();
    }

    private String keyOf(String name, String password) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(ByteBuffer.allocate(4).putInt(n.length).array());
            mac.update(n);
            return Base64.getEncoder().encodeToString(mac.doFinal(p));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
