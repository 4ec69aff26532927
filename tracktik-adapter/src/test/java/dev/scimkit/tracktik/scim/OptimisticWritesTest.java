package dev.scimkit.tracktik.scim;

import dev.scimkit.tracktik.port.VersionConflictException;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The retry rule of both repositories' writes: without {@code If-Match} a lost race is retried on a
 * fresh read, a bounded number of times; with {@code If-Match} the conflict is the client's 412 at once.
 * The contract kit shows the outcome over real stores; this pins the counts, which it cannot see.
 */
class OptimisticWritesTest {

    /** An attempt that meets a conflict for its first {@code conflicts} runs, then answers its run number. */
    private static final class Racing {
        final AtomicInteger runs = new AtomicInteger();
        final int conflicts;

        Racing(int conflicts) {
            this.conflicts = conflicts;
        }

        Integer attempt() {
            int run = runs.incrementAndGet();
            if (run <= conflicts) {
                throw new VersionConflictException("User", "u-1", run, run + 1);
            }
            return run;
        }
    }

    @Test
    void aWriteThatWinsAtOnceRunsOnce() {
        Racing racing = new Racing(0);
        assertThat(OptimisticWrites.retry(Optional.empty(), racing::attempt)).isEqualTo(1);
        assertThat(racing.runs).hasValue(1);
    }

    @Test
    void withoutIfMatchALostRaceIsRetriedUntilTheLastAllowedAttempt() {
        Racing racing = new Racing(OptimisticWrites.MAX_ATTEMPTS - 1);
        assertThat(OptimisticWrites.retry(Optional.empty(), racing::attempt)).isEqualTo(OptimisticWrites.MAX_ATTEMPTS);
        assertThat(racing.runs).hasValue(OptimisticWrites.MAX_ATTEMPTS);
    }

    @Test
    void aLivelockEndsInTheConflictAfterExactlyTheBoundOfAttempts() {
        Racing racing = new Racing(Integer.MAX_VALUE);
        assertThatThrownBy(() -> OptimisticWrites.retry(Optional.empty(), racing::attempt))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> assertThat(((VersionConflictException) e).status()).isEqualTo(412));
        assertThat(racing.runs).hasValue(OptimisticWrites.MAX_ATTEMPTS);
        assertThat(OptimisticWrites.MAX_ATTEMPTS).isGreaterThan(1);
    }

    @Test
    void withIfMatchTheFirstConflictIsTheAnswer() {
        Racing racing = new Racing(1);
        assertThatThrownBy(() -> OptimisticWrites.retry(Optional.of(1L), racing::attempt))
                .isInstanceOf(VersionConflictException.class);
        assertThat(racing.runs).hasValue(1);
    }

    @Test
    void otherFailuresAreNeverRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> OptimisticWrites.retry(Optional.empty(), () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("store down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(1);
    }
}
