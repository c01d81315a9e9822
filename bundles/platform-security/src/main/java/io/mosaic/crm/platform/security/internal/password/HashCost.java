package io.mosaic.crm.platform.security.internal.password;

/**
 * The work an Argon2id hash costs: memory in KiB, passes over it, and lanes.
 *
 * @param memoryKib memory per hash in KiB (at least 8 per lane)
 * @param iterations passes over the memory
 * @param parallelism lanes
 */
public record HashCost(int memoryKib, int iterations, int parallelism) {

    /** OWASP's recommendation for Argon2id: 19 MiB, 2 iterations, 1 lane. */
    public static final HashCost OWASP = new HashCost(19_456, 2, 1);

    /** Guard against absurd values in a stored hash (1 GiB, 32 passes, 16 lanes). */
    static final HashCost CEILING = new HashCost(1 << 20, 32, 16);

    public HashCost {
        if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism) {
            throw new IllegalArgumentException("invalid Argon2 cost: " + memoryKib + "/" + iterations + "/" + parallelism);
        }
    }

    /** Whether any dimension of this cost is below {@code other}'s. */
    public boolean isBelow(HashCost other) {
        return memoryKib < other.memoryKib || iterations < other.iterations || parallelism < other.parallelism;
    }

    boolean exceeds(HashCost other) {
        return memoryKib > other.memoryKib || iterations > other.iterations || parallelism > other.parallelism;
    }
}
