package dev.scimkit.tracktik.rest.standin;

import java.time.Duration;

/** Short names for the faults tests program. */
public final class FaultsForTests {

    private FaultsForTests() {
    }

    public static Fault tooManyRequests(int retryAfterSeconds) {
        return Fault.tooManyRequests(retryAfterSeconds);
    }

    public static Fault unavailable() {
        return Fault.unavailable();
    }

    public static Fault slow(Duration delay) {
        return Fault.slow(delay);
    }

    public static Fault slowAfterApply(Duration delay) {
        return Fault.slowAfterApply(delay);
    }

    public static Fault dropAfterApply() {
        return Fault.dropAfterApply();
    }
}
