package io.mosaic.crm.platform.security.internal.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and verifies passwords with Argon2id (Bouncy Castle). New hashes use {@link #cost()};
 * verification uses the cost recorded in the stored hash. Passwords are NFC-normalized first, so
 * the same visible password typed on different systems gives the same hash. Deliberately slow:
 * callers must not verify a password per API request.
 */
public final class Argon2idHasher {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final HashCost cost;
    private final SecureRandom random;
    private final String dummyHash;
    private final LongAdder verifications = new LongAdder();

    public Argon2idHasher(HashCost cost, SecureRandom random) {
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
        this.dummyHash = hash(new PasswordGenerator(random).generate(24));
    }

    public Argon2idHasher() {
        this(HashCost.OWASP, new SecureRandom());
    }

    public HashCost cost() {
        return cost;
    }

    /** A new PHC string for {@code password}, with a fresh random salt. */
    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new PhcHash(cost, salt, derive(password, cost, salt, HASH_BYTES)).format();
    }

    /**
     * Whether {@code password} matches {@code storedHash}, compared in constant time. A missing or
     * unreadable stored hash never matches, but costs as much as a real verification.
     */
    public boolean verify(String password, String storedHash) {
        var parsed = PhcHash.parse(storedHash);
        if (parsed.isEmpty()) {
            verify(password, dummyHash);
            return false;
        }
        verifications.increment();
        PhcHash phc = parsed.get();
        byte[] actual = derive(password, phc.cost(), phc.salt(), phc.hash().length);
        return MessageDigest.isEqual(actual, phc.hash());
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
