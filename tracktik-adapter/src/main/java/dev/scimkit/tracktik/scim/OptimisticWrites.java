package dev.scimkit.tracktik.scim;

import dev.scimkit.tracktik.port.VersionConflictException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The optimistic write both repositories make: read the current record, check {@code If-Match},
 * compute the new state from what was read and let the store write it only if the version is still
 * the one read. When another writer got there first and the client sent no {@code If-Match}, the
 * whole attempt runs again on a fresh read (a PATCH plan is reusable), so concurrent writers never
 * lose each other's change; with {@code If-Match} the conflict is the client's answer (412).
 */
final class OptimisticWrites {

    /** Enough for any real contention on one record; a bound so that a livelock still ends in a 412. */
    static final int MAX_ATTEMPTS = 8;

    private OptimisticWrites() {
    }

    /**
     * Runs {@code attempt} (read, check, compute, write) until it does not meet a
     * {@link VersionConflictException}, at most {@link #MAX_ATTEMPTS} times, and never again when the
     * client named the version it expects.
     */
    static <T> T retry(Optional<Long> expected, Supplier<T> attempt) {
        for (int n = 1; ; n++) {
            try {
                return attempt.get();
            } catch (VersionConflictException e) {
                if (expected.isPresent() || n >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
