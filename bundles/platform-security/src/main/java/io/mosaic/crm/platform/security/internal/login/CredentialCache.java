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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers successful password verifications for a short time, so that HTTP Basic clients do
 * not pay for Argon2 on every request. Entries are keyed by an HMAC-SHA256 of name and password
 * under a key that lives only in this process: the password itself is never kept. Bounded (least
 * recently used entries go first, when storing) and emptied for a user as soon as that user
 * changes. Reads take no lock. An entry in use is verified again by one caller before it expires
 * (refresh-ahead, see {@link Hit}), so that a busy credential never expires under load and its
 * callers never all run Argon2 at once. Also holds the {@link TokenCache}, and tells it of every change.
 */
public final class CredentialCache implements SecurityChangeListener {
    /** How long a claimed refresh keeps others from claiming it again. */
    static final Duration REFRESH_RETRY = Duration.ofSeconds(5);

    private final Clock clock;
    private final int maxEntries;
    private final ThreadLocal<Mac> macs;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final TokenCache tokens;
    private volatile Duration ttl;

    /** A cached principal; {@code used} (System.nanoTime of the last hit) orders evictions. */
    private static final class Entry {
        final UserPrincipal principal;
        final Instant storedAt;
        volatile long used = System.nanoTime();
        private Instant refreshClaimedAt;

        Entry(UserPrincipal principal, Instant storedAt) {
            this.principal = principal;
            this.storedAt = storedAt;
        }
    }

    /**
     * A cached sign-in. {@code refresh} is true for the one caller that should verify the
     * password again now, because the entry is near its end and in use.
     */
    public record Hit(UserPrincipal principal, boolean refresh) {
    }

    /** A cache whose token cache has the same lifetime; see {@link TokenCache#ttl}. */
    public CredentialCache(Clock clock, Duration ttl, int maxEntries, SecureRandom random) {
        this.clock = clock;
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
        this.tokens = new TokenCache(clock, ttl, maxEntries);
    }

    /** The cache of verified API tokens, told of the same changes as this one. */
    public TokenCache tokens() {
        return tokens;
    }

    /** Applies a new lifetime at once, also to entries already stored; zero turns caching off. */
    public void ttl(Duration ttl) {
        this.ttl = ttl;
        if (ttl.isZero()) {
            generation.incrementAndGet();
            entries.clear();
        }
    }

    public Optional<Hit> find(String name, String password) {
        String k = keyOf(name, password);
        Entry entry = entries.get(k);
        if (entry != null && clock.instant().isBefore(entry.storedAt.plus(ttl))) {
            entry.used = System.nanoTime();
            hits.increment();
            return Optional.of(new Hit(entry.principal, claimRefresh(entry)));
        }
        if (entry != null) {
            entries.remove(k, entry);
        }
        misses.increment();
        return Optional.empty();
    }

    /**
     * Whether the caller should verify again now: the entry is in the last quarter of its life,
     * and nobody else claimed its refresh in the last {@link #REFRESH_RETRY} (a refresh that
     * fails, for want of a free Argon2 slot say, lets another caller try a little later).
     */
    private boolean claimRefresh(Entry entry) {
        Duration lifetime = ttl;
        Instant now = clock.instant();
        if (now.isBefore(entry.storedAt.plus(lifetime.minus(lifetime.dividedBy(4))))) {
            return false;
        }
        synchronized (entry) {
            if (entry.refreshClaimedAt != null && now.isBefore(entry.refreshClaimedAt.plus(REFRESH_RETRY))) {
                return false;
            }
            entry.refreshClaimedAt = now;
            return true;
        }
    }

    /**
     * A ticket to take before reading what will be cached; {@link #put} drops the entry if any
     * user changed since, as it may have been read before the change.
     */
    public long ticket() {
        return generation.get();
    }

    public void put(String name, String password, UserPrincipal principal, long ticket) {
        if (ttl.isZero() || ticket != generation.get()) {
            return;
        }
        String k = keyOf(name, password);
        Entry entry = new Entry(principal, clock.instant());
        if (entries.put(k, entry) == null && entries.size() > maxEntries) {
            evictLeastRecentlyUsed();
        }
        if (ticket != generation.get()) {
            entries.remove(k, entry);
        }
    }

    @Override
    public void userChanged(long userId) {
        generation.incrementAndGet();
        entries.values().removeIf(e -> e.principal.userId() == userId);
        tokens.userChanged(userId);
    }

    @Override
    public void rolesChanged() {
        forgetAll();
    }

    @Override
    public void tokenRevoked(long tokenId) {
        tokens.tokenRevoked(tokenId);
    }

    public void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
        tokens.forgetAll();
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

    /** Runs only when storing beyond the bound (after an Argon2 verification), never on a hit. */
    private void evictLeastRecentlyUsed() {
        while (entries.size() > maxEntries) {
            Map.Entry<String, Entry> oldest = null;
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                if (oldest == null || e.getValue().used - oldest.getValue().used < 0) {
                    oldest = e;
                }
            }
            if (oldest == null || !entries.remove(oldest.getKey(), oldest.getValue())) {
                return;
            }
        }
    }

    private String keyOf(String name, String password) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] p = password.getBytes(StandardCharsets.UTF_8);
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(4).putInt(n.length).array());
        mac.update(n);
        return Base64.getEncoder().encodeToString(mac.doFinal(p));
    }

    private static Mac newMac(SecretKeySpec key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java has HmacSHA256", e);
        }
    }
}
