package io.mosaic.crm.platform.security.internal.password;

import io.mosaic.crm.sdk.error.UnavailableException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (Bouncy Castle). New hashes use {@link #cost()};
 * verification uses the cost recorded in the stored hash. Passwords are NFC-normalized first, so
 * the same visible password typed on different systems gives the same hash. Deliberately slow:
 * callers must not verify a password per API request.
 *
 * <p>Every computation runs in one of a bounded number of {@link Argon2Slots}, so that a burst of
 * sign-ins cannot exhaust the heap; and identical verifications in flight (same password against
 * the same stored hash, recognised by an HMAC under a key that lives only in this process) share
 * one computation: the first caller computes, the others wait for its result.
 */
public final class Argon2idHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final HashCost cost;
    private final SecureRandom random;
    private final String dummyHash;
    private final LongAdder verifications = new LongAdder();
    private final LongAdder coalesced = new LongAdder();
    private final Argon2Slots slots;
    private final ThreadLocal<Mac> macs;
    private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inFlight = new ConcurrentHashMap<>();

    public Argon2idHasher(HashCost cost, SecureRandom random, Argon2Slots slots) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
        this.slots = Objects.requireNonNull(slots, "slots");
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        SecretKeySpec key = new SecretKeySpec(secret, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> newMac(key));
        this.dummyHash = hash(new PasswordGenerator(random).generate(24));
    }

    /** With the default number of slots for {@code cost} and a wait of two seconds for one. */
    public Argon2idHasher(HashCost cost, SecureRandom random) {
        this(cost, random, Argon2Slots.sizedFor(cost, Duration.ofSeconds(2)));
    }

    public Argon2idHasher() {
        this(HashCost.OWASP, new SecureRandom());
    }

    /** The bound on concurrent computations, with its counters. */
    public Argon2Slots slots() {
        return slots;
    }

    public HashCost cost() {
        return cost;
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PhcHash(cost, salt, slots.run(() -> derive(password, cost, salt, HASH_BYTES))).format();
    }

    /**
     * Whether {@code password} matches {@code storedHash}, compared in constant time. A missing or
     * unreadable stored hash never matches, but costs as much as a real verification. Joins an
     * identical verification already running rather than starting another.
     *
     * @throws UnavailableException {@code busy} if no slot freed up in time
     */
    public boolean verify(String password, String storedHash) {
        var parsed = PhcHash.parse(storedHash);
        if (parsed.isEmpty()) {
            verify(password, dummyHash);
            return false;
        }
        String key = keyOf(password, storedHash);
        var mine = new CompletableFuture<Boolean>();
        CompletableFuture<Boolean> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            coalesced.increment();
            return resultOf(running);
        }
        try {
            boolean matches = slots.run(() -> compute(password, parsed.get()));
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private boolean compute(String password, PhcHash phc) {
        verifications.increment();
        byte[] actual = derive(password, phc.cost(), phc.salt(), phc.hash().length);
        return MessageDigest.isEqual(actual, phc.hash());
    }

    private static boolean resultOf(CompletableFuture<Boolean> running) {
        try {
            return running.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnavailableException("busy", "interrupted while checking a password");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("password check failed", e.getCause());
        }
    }

    /** Spends the time of one verification without checking anything: for unknown users. */
    public void verifyDummy(String password) {
        verify(password, dummyHash);
    }

    /** Whether {@code storedHash} was made with a lower cost than today's and should be replaced. */
    public boolean needsRehash(String storedHash) {
        return PhcHash.parse(storedHash).map(phc -> phc.cost().isBelow(cost)).orElse(true);
    }

    /** How many Argon2 verifications ran since start (a measure of the credential cache's worth). */
    public long verifications() {
        return verifications.sum();
    }

    /** Verifications answered by joining an identical one in flight instead of computing. */
    public long coalesced() {
        return coalesced.sum();
    }

    private String keyOf(String password, String storedHash) {
        byte[] h = storedHash.getBytes(StandardCharsets.UTF_8);
        Mac mac = macs.get();
        mac.update(ByteBuffer.allocate(4).putInt(h.length).array());
        mac.update(h);
        return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
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

    private static byte[] derive(String password, HashCost cost, byte[] salt, int length) {
        byte[] secret = Normalizer.normalize(password, Normalizer.Form.NFC).getBytes(StandardCharsets.UTF_8);
        try {
            var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                    .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(cost.memoryKib())
                    .withIterations(cost.iterations())
                    .withParallelism(cost.parallelism())
                    .withSalt(salt)
                    .build();
            var generator = new Argon2BytesGenerator();
            generator.init(parameters);
            byte[] out = new byte[length];
            generator.generateBytes(secret, out);
            return out;
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }
}
