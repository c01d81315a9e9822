package io.mosaic.crm.customers.internal.common;

import io.mosaic.crm.sdk.error.ConflictException;
import io.mosaic.crm.sdk.error.DuplicateException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a write that a unique key may refuse. On refusal it looks up (after the rollback, so that
 * the other writer's committed row is visible) who holds the values and answers 409 with its id;
 * if the holder vanished meanwhile (a concurrent change), the write is tried again a few times.
 */
public final class DuplicateGuard {
    private static final int ATTEMPTS = 3;

    private DuplicateGuard() {}

    public static <T> T write(Supplier<T> write, Supplier<Optional<Long>> holder, String entity, List<String> fields) {
        for (int attempt = 1; ; attempt++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!SqlFailures.isDuplicateKey(e)) {
                    throw e;
                }
                Optional<Long> existing = holder.get();
                if (existing.isPresent()) {
                    throw new DuplicateException(entity, existing.get(), fields);
                }
                if (attempt == ATTEMPTS) {
                    throw new ConflictException("a concurrent change to the " + entity + "'s "
                            + String.join(" and ", fields) + " got in the way; try again");
                }
            }
        }
    }
}
