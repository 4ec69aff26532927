package dev.scimkit.tracktik.rest;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with "equal jitter": the n-th retry waits between half and all of
 * {@code min(max, base · 2^(n-1))}, so many adapters retrying at once spread out instead of hitting a
 * recovering portal together, while the wait never drops below half the nominal value.
 */
final class Backoff {

    private final Duration base;
    private final Duration max;

    Backoff(Duration base, Duration max) {
        this.base = base;
        this.max = max;
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    Duration delay(int retry) {
        long cap = max.toMillis();
        long nominal = base.toMillis();
        for (int i = 1; i < retry && nominal < cap; i++) {
            nominal *= 2;
        }
        nominal = Math.min(nominal, cap);
        long half = nominal / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(nominal - half + 1));
    }
}
